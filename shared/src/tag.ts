import { z } from 'zod';

/** A tag on a conversation (or on the knowledge-base entry that gives it): short, lower-case, as agents type them. */
export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,39}$/u, 'a tag is 1-40 letters, digits, _ or -');

/** A conversation carries at most this many tags. */
export const MAX_TAGS = 20;

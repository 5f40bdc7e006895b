import { z } from 'zod';
import { Locale } from './locale.ts';
import { SiteQuery } from './rest.ts';

/** What an agent types after `/` in the composer to insert a reply: lower-case, no spaces. */
export const CannedShortcut = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'shortcut must be 1-32 lower-case letters, digits, _ or -');

/** A site's ready-made reply in one language, inserted by typing `/shortcut`. */
export const CannedReply = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  shortcut: CannedShortcut,
  language: Locale,
  text: z.string().trim().min(1).max(4000),
});
export type CannedReply = z.infer<typeof CannedReply>;

/** Body of `POST /api/canned?siteId`: a reply with the same shortcut and language is replaced. */
export const CannedReplyInput = CannedReply.omit({ id: true });
export type CannedReplyInput = z.infer<typeof CannedReplyInput>;

export const CannedParams = z.object({ cannedId: CannedReply.shape.id });
export const CannedQuery = SiteQuery;

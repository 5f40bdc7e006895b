import { z } from 'zod';
import { EntryId, Timestamp } from './ids.ts';
import { Language } from './locale.ts';
import { Skill } from './site.ts';

/** One language's version of a knowledge-base entry. */
export const KbContent = z.object({
  question: z.string().trim().min(1).max(300),
  /** Other ways people ask the same thing; the bot matches all of them. */
  phrasings: z.array(z.string().trim().min(1).max(300)).max(500),
  /** Plain text; http(s) links are made clickable by the clients, nothing else is markup. */
  answer: z.string().trim().min(1).max(4000),
});
export type KbContent = z.infer<typeof KbContent>;

export const KbEntry = z.object({
  id: EntryId,
  skill: Skill,
  content: z
    .record(Language, KbContent)
    .refine((c) => Object.keys(c).length > 0, 'an entry needs content in at least one language'),
  related: z.array(EntryId).max(10),
  updatedAt: Timestamp,
});
export type KbEntry = z.infer<typeof KbEntry>;

/** Body of create/update: the server sets `updatedAt`, and `id` on create. */
export const KbEntryInput = KbEntry.omit({ updatedAt: true, id: true }).extend({ id: EntryId.optional() });
export type KbEntryInput = z.infer<typeof KbEntryInput>;

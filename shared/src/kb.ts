import { z } from 'zod';
import { EntryId, Timestamp } from './ids.ts';
import { Language } from './locale.ts';
import { Skill } from './skill.ts';
import { Tag } from './tag.ts';

/**
 * How big a knowledge base may grow. Building the bot's index costs about (entries) x
 * (characters of questions and phrasings), in a worker thread; these are set with
 * `bench/kb-import.ts` so that importing the largest knowledge base allowed leaves other
 * sites' message p99 under 50 ms and the build under 1 GB of memory (figures in SECURITY.md).
 */
export const KB_LIMITS = {
  /** Entries per knowledge base (the classifier's classes). */
  entries: 500,
  /** Phrasings per entry and language; `trainingChars` is what binds for a whole knowledge base. */
  phrasings: 500,
  /** Characters of questions and phrasings, every entry and language together. */
  trainingChars: 300_000,
  /** Bytes of one import request. */
  importBytes: 2 * 1024 * 1024,
} as const;

/** The characters of an entry that the bot trains on: its questions and phrasings. */
export function trainingChars(entry: { content: Record<string, { question: string; phrasings: string[] }> }): number {
  let n = 0;
  for (const c of Object.values(entry.content)) {
    n += c.question.length;
    for (const p of c.phrasings) n += p.length;
  }
  return n;
}

/** Tags one entry may give the conversations it answers. */
export const KB_ENTRY_TAGS = 5;

/** One language's version of a knowledge-base entry. */
export const KbContent = z.object({
  question: z.string().trim().min(1).max(300),
  /** Other ways people ask the same thing; the bot matches all of them. */
  phrasings: z.array(z.string().trim().min(1).max(300)).max(KB_LIMITS.phrasings),
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
  /** Given to every conversation the bot answers from this entry (see server/src/history/answer-tags.ts). */
  tags: z.array(Tag).max(KB_ENTRY_TAGS).optional(),
  updatedAt: Timestamp,
});
export type KbEntry = z.infer<typeof KbEntry>;

/** Body of create/update: the server sets `updatedAt`, and `id` on create. */
export const KbEntryInput = KbEntry.omit({ updatedAt: true, id: true }).extend({ id: EntryId.optional() });
export type KbEntryInput = z.infer<typeof KbEntryInput>;

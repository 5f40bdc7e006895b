import { z } from 'zod';
import { Timestamp } from './ids.ts';

/**
 * A site's Net Promoter question ("How likely are you to recommend …?"), asked after a chat at
 * most once per visitor per period, beside the CSAT stars or instead of them.
 */
export const NpsSetting = z.object({
  periodDays: z.number().int().min(1).max(730),
  replacesCsat: z.boolean(),
});
export type NpsSetting = z.infer<typeof NpsSetting>;

export const NPS_MAX = 10;

const NpsScore = z.number().int().min(0).max(NPS_MAX);

/** One visitor's answer, kept with the conversation it followed. */
export const NpsAnswer = z.object({ score: NpsScore, comment: z.string().trim().max(1000).nullable(), ts: Timestamp });
export type NpsAnswer = z.infer<typeof NpsAnswer>;

/** What the widget sends: 0-10 and an optional comment. */
export const RateNps = z.object({ score: NpsScore, comment: z.string().trim().max(1000).optional() });
export type RateNps = z.infer<typeof RateNps>;

/** Promoters answer 9-10, detractors 0-6; the score is %promoters − %detractors (−100 to 100). */
export const NpsSummary = z.object({
  answers: z.number().int().nonnegative(),
  promoters: z.number().int().nonnegative(),
  passives: z.number().int().nonnegative(),
  detractors: z.number().int().nonnegative(),
  score: z.number().min(-100).max(100).nullable(),
});
export type NpsSummary = z.infer<typeof NpsSummary>;

export function npsSummary(scores: readonly number[]): NpsSummary {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const answers = scores.length;
  return {
    answers,
    promoters,
    passives: answers - promoters - detractors,
    detractors,
    score: answers > 0 ? Math.round(((promoters - detractors) / answers) * 100) : null,
  };
}

/** How many of a range's latest NPS comments the dashboard lists. */
export const NPS_COMMENTS_MAX = 20;

/** A visitor's NPS answer that came with words, for the supervisor to read. */
export const NpsComment = z.object({
  conversationId: z.string(),
  score: NpsScore,
  comment: z.string(),
  ts: Timestamp,
});
export type NpsComment = z.infer<typeof NpsComment>;

export const NpsComments = z.object({ comments: z.array(NpsComment).max(NPS_COMMENTS_MAX) });
export type NpsComments = z.infer<typeof NpsComments>;

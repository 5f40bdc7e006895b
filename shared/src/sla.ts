import { z } from 'zod';
import { Timestamp } from './ids.ts';

/** The three promises a site can make about a chat, each a clock counted in business hours. */
export const SlaKind = z.enum(['first_response', 'next_reply', 'resolution']);
export type SlaKind = z.infer<typeof SlaKind>;

/** A target in seconds of business time; null: no promise of that kind. */
const Target = z
  .number()
  .int()
  .min(1)
  .max(30 * 86_400)
  .nullable();

/** What a site promises chats of one priority (0 = ordinary; rules lift chats up to 9). */
export const SlaPolicy = z.object({
  priority: z.number().int().min(0).max(9),
  firstResponseSeconds: Target,
  nextReplySeconds: Target,
  resolutionSeconds: Target,
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export const SlaPolicies = z
  .array(SlaPolicy)
  .max(10)
  .refine((ps) => new Set(ps.map((p) => p.priority)).size === ps.length, 'one policy per priority');

/** One running promise of a chat: when it falls due and whether it already has. */
export const SlaClock = z.object({ kind: SlaKind, dueAt: Timestamp, breached: z.boolean() });
export type SlaClock = z.infer<typeof SlaClock>;

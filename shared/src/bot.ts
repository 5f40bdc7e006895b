import { z } from 'zod';
import { EntryId } from './ids.ts';
import { Language } from './locale.ts';
import { Skill } from './skill.ts';

export const Suggestion = z.object({ entryId: EntryId, question: z.string() });
export type Suggestion = z.infer<typeof Suggestion>;

/**
 * What the bot decided for one visitor message. `skill` is the bot's best guess of the
 * queue the question belongs to, used when the chat escalates.
 */
export const BotDecision = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answer'),
    entryId: EntryId,
    confidence: z.number(),
    language: Language,
    text: z.string(),
    skill: Skill,
  }),
  z.object({
    kind: z.literal('suggest'),
    confidence: z.number(),
    language: Language,
    suggestions: z.array(Suggestion).min(1).max(3),
    skill: Skill,
  }),
  z.object({
    kind: z.literal('escalate'),
    reason: z.enum(['unknown', 'human_requested']),
    confidence: z.number(),
    language: Language,
    skill: Skill,
  }),
  z.object({
    kind: z.literal('smalltalk'),
    intent: z.enum(['greeting', 'thanks', 'goodbye']),
    confidence: z.number(),
    language: Language,
  }),
]);
export type BotDecision = z.infer<typeof BotDecision>;

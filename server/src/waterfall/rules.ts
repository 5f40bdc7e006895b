import type { BotDecision, Conversation } from '@cascade/shared';

/**
 * The waterfall's rules that are not a state change of their own: the machine (machine.ts)
 * and the shell ask these, so each rule is written once. Pure, like the machine.
 */

/** Levels run from 1 (the common work) to this. */
export const TOP_LEVEL = 3;

/** A rule that says no: the error code and message the caller is answered with. */
export type RuleRefusal = { code: 'invalid_state' | 'invalid_payload' | 'conflict'; message: string };

/** Waiting for an agent: in line, whether or not a ticket is offered meanwhile. */
export const isWaiting = (c: Pick<Conversation, 'state'>): boolean =>
  c.state === 'queued' || c.state === 'offered_ticket';

/** In line the bot still hears the visitor: while nobody has the chat, what it knows need not wait for a person. */
export const botHearsInLine = (c: Pick<Conversation, 'state'>): boolean => c.state === 'queued';

/**
 * What the bot may say to a visitor in line: an outright answer only. Suggestions and escalations
 * would ask the visitor to choose again, and asking for a person is moot while they wait for one.
 */
export const botAnswersInLine = (decision: Pick<BotDecision, 'kind'>): boolean => decision.kind === 'answer';

/** The level a transfer goes to: as asked; for another skill the same level; else one up, to the top. */
export function transferLevel(
  c: Pick<Conversation, 'level' | 'skill'>,
  to: { level?: number; skill?: string },
): number {
  if (to.level !== undefined) return to.level;
  if (to.skill && to.skill !== c.skill) return c.level;
  return Math.min(TOP_LEVEL, c.level + 1);
}

/** A chat is passed on once freely; moving it again needs a reason, so nobody is bounced around. */
export function transferRefusal(c: Pick<Conversation, 'transfers'>, reason: string | undefined): RuleRefusal | null {
  if (c.transfers > 0 && !reason) {
    return { code: 'invalid_payload', message: 'this chat was transferred before; say why it must move again' };
  }
  return null;
}

/** The note the next agent reads: the agent's note, and the reason for a second move. */
export const transferNote = (note: string, reason: string | undefined): string =>
  reason ? `${note}\n(${reason})` : note;

/** A chat is rated once, after it ends with a person's answer or a ticket. */
export function ratingRefusal(c: Pick<Conversation, 'state' | 'csat'>): RuleRefusal | null {
  if (c.state !== 'resolved' && c.state !== 'ticketed')
    return { code: 'invalid_state', message: 'a chat is rated after it ends' };
  if (c.csat) return { code: 'conflict', message: 'this chat was already rated' };
  return null;
}

export const canRate = (c: Pick<Conversation, 'state' | 'csat'>): boolean => ratingRefusal(c) === null;

/** The bot's suggested articles are picked only while the bot has the chat. */
export function articlePickRefusal(c: Pick<Conversation, 'state'>): RuleRefusal | null {
  if (c.state !== 'bot') return { code: 'invalid_state', message: 'suggestions are only for the bot part of a chat' };
  return null;
}

import type { Conversation } from '@cascade/shared';
import { systemText, type Transition } from './machine.ts';
import type { Journal, TransitionRecord } from './journal.ts';
import type { NewMessage } from '../store/messages.ts';

/**
 * What a transition leaves in the timeline: its system message and its analytics event, each
 * keyed by the conversation's version, so a repair that repeats them stores nothing twice.
 */

/** The dedupe key of the system message of the transition to `version`. */
export const transitionKey = (version: number): string => `transition:${version}`;

/** The system message of a transition, stored once (under `transitionKey`) however often it is posted. */
export function systemMessage(
  c: Conversation,
  event: Transition['event'],
  data: TransitionRecord['data'],
): Omit<NewMessage, 'ts'> {
  return {
    conversationId: c.id,
    clientMsgId: null,
    author: 'system',
    agentId: null,
    authorName: null,
    text: systemText(event, data),
    internal: false,
    bot: null,
    event,
    data,
  };
}

/**
 * Adds the transition of (conversation, version) to the site's event stream once. `ts` is the
 * moment of the transition, not of the write: the write waits until after the claims.
 */
export async function recordTransition(
  journal: Pick<Journal, 'recordEvent'>,
  c: Conversation,
  t: Pick<Transition, 'event' | 'from' | 'to'>,
  ts: number,
  by: string,
): Promise<void> {
  await journal.recordEvent(c.siteId, c.id, c.version, {
    event: t.event,
    conversationId: c.id,
    from: t.from,
    to: t.to,
    skill: c.skill,
    level: String(c.level),
    agentId: c.agentId ?? '',
    ts: String(ts),
    by,
  });
}

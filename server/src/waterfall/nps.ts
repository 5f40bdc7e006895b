import {
  CascadeError,
  type Conversation,
  type NpsAnswer,
  type RateNps,
  type Site,
  type Visitor,
} from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import { addEvent } from '../store/event-stream.ts';
import type { Keys } from '../redis/keys.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { VisitorStore } from '../store/visitors.ts';
import type { DomainEvents } from '../events.ts';
import type { RuleRefusal } from './rules.ts';

const DAY_MS = 86_400_000;

type Asked = Pick<Conversation, 'state' | 'nps'>;

/**
 * Whether the site's NPS question is due after this chat: the site asks it, the chat has ended,
 * it was not answered for this chat, and this visitor has not answered it within the period.
 */
export function npsRefusal(
  site: Pick<Site, 'nps'>,
  visitor: Pick<Visitor, 'npsAt'>,
  c: Asked,
  now: number,
): RuleRefusal | null {
  if (!site.nps) return { code: 'invalid_state', message: 'this site does not ask that question' };
  if (c.state !== 'resolved' && c.state !== 'ticketed')
    return { code: 'invalid_state', message: 'the question comes after the chat ends' };
  if (c.nps) return { code: 'conflict', message: 'this chat was already answered' };
  if (visitor.npsAt !== undefined && now - visitor.npsAt < site.nps.periodDays * DAY_MS)
    return { code: 'conflict', message: 'you answered this question recently' };
  return null;
}

/** A site may ask NPS instead of the CSAT stars. */
export const asksCsat = (site: Pick<Site, 'nps'>): boolean => !site.nps?.replacesCsat;

export type NpsDeps = {
  redis: Redis;
  keys: Keys;
  conversations: ConversationStore;
  visitors: VisitorStore;
  /** The answer is archived again with the conversation (history/jobs.ts). */
  events: DomainEvents;
};

/** Keeps the answer with the conversation, notes when the visitor gave it, and counts it for the dashboard. */
export async function answerNps(
  d: NpsDeps,
  site: Site,
  visitor: Visitor,
  c: Conversation,
  input: RateNps,
): Promise<Conversation> {
  const now = Date.now();
  const refused = npsRefusal(site, visitor, c, now);
  if (refused) throw new CascadeError(refused.code, refused.message);
  const nps: NpsAnswer = { score: input.score, comment: input.comment || null, ts: now };
  await d.conversations.update(c.id, { nps });
  await d.visitors.update(site.id, visitor.id, { npsAt: now });
  await addEvent(d.redis, d.keys, site.id, c.id, {
    event: 'nps',
    score: String(input.score),
    ts: String(now),
  });
  await d.events.emit({ type: 'nps.submitted', conversation: { ...c, nps } });
  return { ...c, nps };
}

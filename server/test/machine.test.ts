import { newConversation, type Conversation } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { isRefusal, next, type Transition, type WaterfallEvent } from '../src/waterfall/machine.ts';

const base = newConversation({ id: 'c1', siteId: 's1', visitorId: 'v1', locale: 'en', at: 0 });
const at = (patch: Partial<Conversation>): Conversation => ({ ...base, ...patch });
const go = (c: Conversation, e: WaterfallEvent): Transition => {
  const t = next(c, e, 1000);
  if (isRefusal(t)) throw new Error(t.refused);
  return t;
};

describe('the waterfall state machine', () => {
  it.each<[string, Conversation, WaterfallEvent, Conversation['state'], string]>([
    ['bot helped', at({}), { type: 'bot_helped' }, 'resolved', 'bot_resolved'],
    ['escalation', at({}), { type: 'escalate', skill: 'billing', priority: 0 }, 'queued', 'escalated'],
    ['claim', at({ state: 'queued' }), { type: 'claim', agentId: 'a1' }, 'assigned', 'claimed'],
    ['claim while offered', at({ state: 'offered_ticket' }), { type: 'claim', agentId: 'a1' }, 'assigned', 'claimed'],
    [
      'max wait',
      at({ state: 'queued' }),
      { type: 'offer_ticket', reason: 'max_wait' },
      'offered_ticket',
      'offered_ticket',
    ],
    ['keep waiting', at({ state: 'offered_ticket' }), { type: 'keep_waiting' }, 'queued', 'kept_waiting'],
    [
      'email left',
      at({ state: 'offered_ticket', offerReason: 'max_wait' }),
      { type: 'leave_email' },
      'ticketed',
      'ticketed',
    ],
    ['resolve', at({ state: 'assigned', agentId: 'a1' }), { type: 'resolve' }, 'resolved', 'resolved'],
    ['follow-up', at({ state: 'assigned', agentId: 'a1' }), { type: 'followup', note: '' }, 'ticketed', 'ticketed'],
    ['agent gone', at({ state: 'assigned', agentId: 'a1' }), { type: 'agent_gone' }, 'queued', 'requeued'],
    [
      'visitor gone with email',
      at({ state: 'queued' }),
      { type: 'visitor_gone', emailKnown: true },
      'ticketed',
      'ticketed',
    ],
    ['visitor gone', at({ state: 'queued' }), { type: 'visitor_gone', emailKnown: false }, 'abandoned', 'abandoned'],
  ])('%s', (_name, c, e, to, event) => {
    const t = go(c, e);
    expect(t.to).toBe(to);
    expect(t.event).toBe(event);
    expect(t.patch.state).toBe(to);
  });

  it('escalates to level 1 of the guessed skill and enqueues', () => {
    const t = go(at({ level: 2 }), { type: 'escalate', skill: 'billing', priority: 0 });
    expect(t.patch).toMatchObject({ skill: 'billing', level: 1, queuedAt: 1000 });
    expect(t.effects).toEqual([{ type: 'enqueue', front: false }]);
  });

  it('transfers up a level with the note, freeing the agent and counting the transfer', () => {
    const t = go(at({ state: 'assigned', agentId: 'a1', level: 1 }), {
      type: 'transfer',
      level: 2,
      skill: 'general',
      note: 'refund',
    });
    expect(t.patch).toMatchObject({ agentId: null, level: 2, transfers: 1, transferNote: 'refund' });
    expect(t.effects).toEqual([{ type: 'release_agent' }, { type: 'enqueue', front: true }]);
  });

  it('makes a ticket with the reason the visitor was offered one', () => {
    const t = go(at({ state: 'offered_ticket', offerReason: 'max_wait' }), { type: 'leave_email' });
    expect(t.effects).toContainEqual({ type: 'create_ticket', reason: 'max_wait' });
    expect(t.effects).toContainEqual({ type: 'dequeue' });
  });

  it('releases the agent when an assigned chat is ticketed', () => {
    const t = go(at({ state: 'assigned', agentId: 'a1' }), { type: 'followup', note: 'n' });
    expect(t.effects).toEqual([{ type: 'release_agent' }, { type: 'create_ticket', reason: 'followup' }]);
  });

  it.each<[Conversation['state'], WaterfallEvent]>([
    ['resolved', { type: 'escalate', skill: 'general', priority: 0 }],
    ['ticketed', { type: 'resolve' }],
    ['queued', { type: 'resolve' }],
    ['bot', { type: 'claim', agentId: 'a1' }],
    ['assigned', { type: 'bot_helped' }],
    ['abandoned', { type: 'visitor_gone', emailKnown: true }],
    ['queued', { type: 'followup', note: '' }],
  ])('refuses %s -> %j', (state, e) => {
    expect(isRefusal(next(at({ state }), e, 1))).toBe(true);
  });

  it('widens a waiting chat to agents of any skill once, keeping its level', () => {
    const t = go(at({ state: 'queued', level: 2 }), { type: 'widen' });
    expect(t.patch).toMatchObject({ widened: true, state: 'queued' });
    expect(t.patch.level).toBeUndefined();
    expect(isRefusal(next(at({ state: 'queued', widened: true }), { type: 'widen' }, 1))).toBe(true);
  });
});

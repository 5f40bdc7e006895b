import { newConversation, type Conversation, type Ticket } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { isRefusal, next, type WaterfallEvent } from '../src/waterfall/machine.ts';
import { transitionEvents, type TransitionFacts } from '../src/waterfall/transition-events.ts';

const base = newConversation({ id: 'c1', siteId: 's1', visitorId: 'v1', locale: 'en', at: 0 });
const at = (patch: Partial<Conversation>): Conversation => ({ ...base, ...patch });
const none: TransitionFacts = { ticket: null, waitedSince: null, fromAgentId: null };

/** The events of the machine's own transition for `e` from `c`, as the shell raises them. */
function raised(c: Conversation, e: WaterfallEvent, facts: TransitionFacts = none) {
  const t = next(c, e, 1000);
  if (isRefusal(t)) throw new Error(t.refused);
  const after = { ...c, ...t.patch };
  const { during, ended } = transitionEvents({ event: t.event, to: t.to, data: t.message.data }, after, facts);
  return { types: during.map((x) => x.type), during, ended: ended?.type ?? null };
}

describe('the events a transition raises', () => {
  it('names an escalation, and a claim with the wait it ended', () => {
    expect(raised(at({}), { type: 'escalate', skill: 'general', priority: 0 }).types).toEqual([
      'conversation.escalated',
    ]);
    const claim = raised(at({ state: 'queued' }), { type: 'claim', agentId: 'a1' }, { ...none, waitedSince: 500 });
    expect(claim.during).toEqual([expect.objectContaining({ type: 'conversation.assigned', waitedSince: 500 })]);
    expect(claim.ended).toBeNull();
  });

  it('carries a transfer’s note and the agent it came from', () => {
    const t = raised(
      at({ state: 'assigned', agentId: 'a1' }),
      { type: 'transfer', level: 2, skill: 'general', note: 'Refund over the limit' },
      { ...none, fromAgentId: 'a1' },
    );
    expect(t.during).toEqual([
      expect.objectContaining({ type: 'conversation.transferred', fromAgentId: 'a1', note: 'Refund over the limit' }),
    ]);
  });

  it('ends a resolved chat after saying it was resolved', () => {
    const r = raised(at({ state: 'assigned', agentId: 'a1' }), { type: 'resolve' });
    expect(r.types).toEqual(['conversation.resolved']);
    expect(r.ended).toBe('conversation.ended');
  });

  it('announces a new ticket, and only a new one', () => {
    const ticket = { id: 't1', number: 7 } as Ticket;
    const c = at({ state: 'assigned', agentId: 'a1' });
    expect(raised(c, { type: 'followup', note: 'call back' }, { ...none, ticket }).types).toEqual(['ticket.created']);
    expect(raised(c, { type: 'followup', note: 'call back' }).types).toEqual([]);
  });

  it('raises nothing for a step inside the line', () => {
    expect(raised(at({ state: 'queued' }), { type: 'widen' })).toEqual({ types: [], during: [], ended: null });
  });
});

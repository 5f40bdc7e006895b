import type { ChatRow, Conversation } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { filterChoices, filterRows, nextClock, noFilter, rowWaitSeconds } from '../src/logic/all-chats.ts';
import { conversation } from './fixtures.ts';

const row = (id: string, patch: Partial<Conversation>, agent: ChatRow['agent'] = null): ChatRow => ({
  conversation: conversation({ id, ...patch }),
  visitorName: null,
  agent,
  lastMessage: null,
  waitSeconds: 30,
  clocks: [],
  risk: [],
});

const sara = { id: 'a1', name: 'Sara' };
const rows = [
  row('c1', { state: 'queued', skill: 'billing' }),
  row('c2', { state: 'assigned', skill: 'general' }, sara),
  row('c3', { state: 'offered_ticket', skill: 'general' }),
];

describe('the all-chats list', () => {
  it('filters by state (offered tickets still wait), skill and agent', () => {
    const ids = (f: Partial<typeof noFilter>) => filterRows(rows, { ...noFilter, ...f }).map((r) => r.conversation.id);
    expect(ids({})).toEqual(['c1', 'c2', 'c3']);
    expect(ids({ state: 'waiting' })).toEqual(['c1', 'c3']);
    expect(ids({ state: 'assigned' })).toEqual(['c2']);
    expect(ids({ skill: 'general' })).toEqual(['c2', 'c3']);
    expect(ids({ agentId: 'a1' })).toEqual(['c2']);
  });

  it('offers the skills and agents the list holds', () => {
    expect(filterChoices(rows)).toEqual({ skills: ['billing', 'general'], agents: [sara] });
  });

  it("shows the clock that falls due first, and keeps a waiting chat's wait running", () => {
    expect(nextClock([])).toBeNull();
    expect(
      nextClock([
        { kind: 'resolution', dueAt: 9000, breached: false },
        { kind: 'first_response', dueAt: 5000, breached: false },
      ])?.kind,
    ).toBe('first_response');
    expect(rowWaitSeconds(rows[0]!, 1000, 11_000)).toBe(40);
    expect(rowWaitSeconds(rows[1]!, 1000, 11_000)).toBe(30);
  });
});

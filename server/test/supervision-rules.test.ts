import { newConversation, type BusinessHours, type Conversation, type SlaPolicy } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { isRefusal, next } from '../src/waterfall/machine.ts';
import { addBusinessSeconds, slaClocks } from '../src/routing/sla.ts';
import { ratingRisk, UNANSWERED_MS } from '../src/routing/risk.ts';
import { summarise, type EventRecord } from '../src/metrics/summary.ts';

const base = newConversation({ id: 'c1', siteId: 's1', visitorId: 'v1', locale: 'en', at: 0 });
const at = (patch: Partial<Conversation>): Conversation => ({ ...base, ...patch });
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('taking a chat over', () => {
  it('moves an assigned chat to another agent and tells the visitor only that they joined', () => {
    const t = next(at({ state: 'assigned', agentId: 'a1' }), { type: 'take_over', agentId: 'a2' }, 1000);
    if (isRefusal(t)) throw new Error(t.refused);
    expect(t).toMatchObject({ from: 'assigned', to: 'assigned', event: 'claimed', effects: [] });
    expect(t.patch.agentId).toBe('a2');
    expect(t.message.namesAgent).toBe(true);
  });

  it('refuses a chat that is not assigned, or one the agent has already', () => {
    expect(isRefusal(next(at({ state: 'queued' }), { type: 'take_over', agentId: 'a2' }, 1))).toBe(true);
    expect(isRefusal(next(at({ state: 'assigned', agentId: 'a2' }), { type: 'take_over', agentId: 'a2' }, 1))).toBe(
      true,
    );
  });
});

describe('SLA clocks', () => {
  // Monday 2026-01-05 09:00-17:00 UTC, and nothing else.
  const mondays: BusinessHours = { timeZone: 'UTC', weekly: [{ day: 1, open: '09:00', close: '17:00' }] };
  const monday9 = Date.UTC(2026, 0, 5, 9);
  const policy: SlaPolicy = {
    priority: 0,
    firstResponseSeconds: 300,
    nextReplySeconds: 120,
    resolutionSeconds: 3600,
  };

  it('counts only business time', () => {
    expect(addBusinessSeconds(null, 1000, 60)).toBe(61_000);
    expect(addBusinessSeconds(mondays, monday9, 3600)).toBe(monday9 + HOUR);
    // Two hours before closing on Monday, four hours of work end two hours into the next Monday.
    expect(addBusinessSeconds(mondays, monday9 + 6 * HOUR, 4 * 3600)).toBe(monday9 + 7 * 24 * HOUR + 2 * HOUR);
    // Asked on a Saturday, the clock starts when the team opens.
    expect(addBusinessSeconds(mondays, Date.UTC(2026, 0, 10, 12), 60)).toBe(monday9 + 7 * 24 * HOUR + MIN);
    expect(addBusinessSeconds({ timeZone: 'UTC', weekly: [] }, 0, 60)).toBeNull();
  });

  it('runs the first reply from the queue, the next reply from the unanswered message, the resolution from the start', () => {
    const waiting = at({ state: 'queued', createdAt: 0, queuedAt: 10_000 });
    expect(slaClocks([policy], null, { conversation: waiting, awaitingReplySince: null }, 20_000)).toEqual([
      { kind: 'first_response', dueAt: 310_000, breached: false },
      { kind: 'resolution', dueAt: 3_600_000, breached: false },
    ]);
    const answered = at({ state: 'assigned', createdAt: 0, queuedAt: 10_000, firstResponseAt: 30_000 });
    expect(slaClocks([policy], null, { conversation: answered, awaitingReplySince: 40_000 }, 200_000)).toEqual([
      { kind: 'next_reply', dueAt: 160_000, breached: true },
      { kind: 'resolution', dueAt: 3_600_000, breached: false },
    ]);
  });

  it('has no clocks without a policy for the priority, or once the chat ended', () => {
    const waiting = at({ state: 'queued', queuedAt: 0, priority: 5 });
    expect(slaClocks([policy], null, { conversation: waiting, awaitingReplySince: null }, 1)).toEqual([]);
    const done = at({ state: 'resolved', queuedAt: 0 });
    expect(slaClocks([policy], null, { conversation: done, awaitingReplySince: null }, 1)).toEqual([]);
  });
});

describe('rating risk', () => {
  const calm = { waitSeconds: 10, maxWaitSeconds: 300, awaitingReplySince: null, visitorTexts: ['hello'], now: 0 };

  it('flags a long wait, an unanswered visitor and unhappy words, in each language', () => {
    expect(ratingRisk(calm)).toEqual([]);
    expect(ratingRisk({ ...calm, waitSeconds: 150 })).toEqual(['long_wait']);
    expect(ratingRisk({ ...calm, awaitingReplySince: 0, now: UNANSWERED_MS })).toEqual(['unanswered']);
    for (const text of ['This is TERRIBLE.', 'الخدمة سيئة', 'این افتضاح است!'])
      expect(ratingRisk({ ...calm, visitorTexts: [text] })).toEqual(['unhappy_words']);
    expect(ratingRisk({ ...calm, visitorTexts: ['terribleness aside, thanks'] })).toEqual([]);
  });
});

describe('supervision numbers', () => {
  const ev = (event: string, conversationId: string, ts: number, extra: Record<string, string> = {}): EventRecord => ({
    event,
    conversationId,
    ts: String(ts),
    ...extra,
  });

  it('counts breaches by kind and sets the promised wait beside the real one per skill', () => {
    const s = summarise(
      [
        ev('escalated', 'c1', 0, { skill: 'billing' }),
        ev('wait_estimated', 'c1', 0, { skill: 'billing', seconds: '60' }),
        ev('claimed', 'c1', 90_000, { from: 'queued', to: 'assigned' }),
        ev('sla_breached', 'c1', 50_000, { kind: 'first_response' }),
        ev('sla_breached', 'c2', 50_000, { kind: 'resolution' }),
      ],
      { from: 0, to: 100_000 },
    );
    expect(s.slaBreaches).toEqual({ first_response: 1, next_reply: 0, resolution: 1 });
    expect(s.waitAccuracy).toEqual([
      { skill: 'billing', chats: 1, predictedP50Seconds: 60, actualP50Seconds: 90, errorP50Seconds: 30 },
    ]);
  });

  it("ends the first agent's handle time where a take-over begins the next one's", () => {
    const s = summarise(
      [
        ev('claimed', 'c1', 0, { from: 'queued', to: 'assigned' }),
        ev('claimed', 'c1', 60_000, { from: 'assigned', to: 'assigned' }),
        ev('resolved', 'c1', 100_000, { from: 'assigned', to: 'resolved' }),
      ],
      { from: 0, to: 100_000 },
    );
    expect(s.handleSeconds).toEqual({ p50: 60, p90: 60, count: 2 });
  });
});

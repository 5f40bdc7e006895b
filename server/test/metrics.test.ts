import { expect, it } from 'vitest';
import { summarise, type EventRecord } from '../src/metrics/summary.ts';

const ev = (event: string, conversationId: string, ts: number, extra: Record<string, string> = {}): EventRecord => ({
  event,
  conversationId,
  ts: String(ts),
  ...extra,
});

it('counts the waterfall of a small day exactly', () => {
  const s = 1000;
  const events: EventRecord[] = [
    // c1: the bot answers and the visitor says it helped
    ev('started', 'c1', 0),
    ev('bot_decision', 'c1', 1 * s, { kind: 'answer' }),
    ev('bot_resolved', 'c1', 2 * s, { from: 'bot' }),
    // c2: escalated, waits 30 s, first reply after 10 s, resolved after 100 s, rated 5
    ev('started', 'c2', 0),
    ev('bot_decision', 'c2', 1 * s, { kind: 'escalate' }),
    ev('escalated', 'c2', 10 * s, { from: 'bot', level: '1' }),
    ev('claimed', 'c2', 40 * s, { from: 'queued', agentId: 'a1' }),
    ev('first_response', 'c2', 50 * s, { agentId: 'a1' }),
    ev('resolved', 'c2', 140 * s, { from: 'assigned', agentId: 'a1' }),
    ev('csat', 'c2', 150 * s, { score: '5', agentId: 'a1', skill: 'general', level: '1' }),
    ev('nps', 'c2', 160 * s, { score: '10' }),
    // c3: escalated, transferred to level 2, then ticketed; rated 2
    ev('started', 'c3', 0),
    ev('escalated', 'c3', 10 * s, { from: 'bot', level: '1' }),
    ev('claimed', 'c3', 20 * s, { from: 'queued', agentId: 'a1' }),
    ev('transferred', 'c3', 80 * s, { from: 'assigned', level: '2' }),
    ev('claimed', 'c3', 90 * s, { from: 'queued', agentId: 'a2' }),
    ev('ticketed', 'c3', 190 * s, { from: 'assigned', agentId: 'a2' }),
    ev('csat', 'c3', 200 * s, { score: '2', agentId: 'a2', skill: 'general', level: '2' }),
    ev('nps', 'c3', 210 * s, { score: '6' }),
    // c4: nobody came and the visitor left
    ev('started', 'c4', 0),
    ev('escalated', 'c4', 5 * s, { from: 'bot', level: '1' }),
    ev('abandoned', 'c4', 300 * s, { from: 'queued' }),
  ];
  const m = summarise(events, { from: 0, to: 3600 * s });
  expect(m.conversations).toBe(4);
  expect(m.resolvedByBot).toBe(1);
  expect(m.resolvedByAgent).toBe(1);
  expect(m.deflectionRate).toBe(0.25);
  expect(m.firstContactResolution).toBe(0.5);
  expect(m.escalationsPerLevel).toEqual({ '1': 3, '2': 1, '3': 0 });
  expect(m.transfers).toBe(1);
  expect(m.tickets).toBe(1);
  expect(m.abandoned).toBe(1);
  expect(m.waitSeconds).toEqual({ p50: 30, p90: 30, count: 2 });
  expect(m.firstResponseSeconds).toEqual({ p50: 10, p90: 10, count: 1 });
  expect(m.handleSeconds.count).toBe(3);
  expect(m.csat).toEqual({ ratings: 2, satisfied: 1, score: 0.5 });
  expect(m.csatBySkill).toEqual({ general: { ratings: 2, satisfied: 1 } });
  expect(m.csatByLevel).toEqual({ '1': { ratings: 1, satisfied: 1 }, '2': { ratings: 1, satisfied: 0 } });
  // One promoter (10) and one detractor (6): 50% − 50%.
  expect(m.nps).toEqual({ answers: 2, promoters: 1, passives: 0, detractors: 1, score: 0 });
  expect(m.funnel).toEqual({ bot: 4, level1: 3, level2: 1, level3: 0, ticket: 1 });
  expect(m.agents.find((a) => a.agentId === 'a1')).toMatchObject({ resolved: 1, ratings: 1, csat: 1 });
  expect(m.series.reduce((n, b) => n + b.conversations, 0)).toBe(4);
});

it('has no rates on an empty period', () => {
  const m = summarise([], { from: 0, to: 1000 });
  expect(m.conversations).toBe(0);
  expect(m.deflectionRate).toBeNull();
  expect(m.csat.score).toBeNull();
  expect(m.nps).toEqual({ answers: 0, promoters: 0, passives: 0, detractors: 0, score: null });
  expect(m.waitSeconds.p50).toBeNull();
});

it('reads events by their time, whatever order they were written in', () => {
  const events: EventRecord[] = [
    ev('started', 'c1', 0),
    ev('claimed', 'c1', 12_000, { from: 'queued', agentId: 'a1' }),
    ev('escalated', 'c1', 10_000, { from: 'bot', level: '1' }),
    ev('resolved', 'c1', 60_000, { from: 'assigned', agentId: 'a1' }),
  ];
  const m = summarise(events, { from: 0, to: 3_600_000 });
  expect(m.waitSeconds).toEqual({ p50: 2, p90: 2, count: 1 });
  expect(m.handleSeconds.p50).toBe(48);
  expect(m.series.every((b) => b.waitP50Seconds === null || b.waitP50Seconds >= 0)).toBe(true);
});

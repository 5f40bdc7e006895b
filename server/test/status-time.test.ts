import { describe, expect, it } from 'vitest';
import { parseCurrent, parseSpan, statusSeconds } from '../src/metrics/status-time.ts';

describe('time per agent status', () => {
  it('clips spans to the period and lets an open span run to its end', () => {
    const spans = [
      { agentId: 'sara', status: 'online' as const, from: 0, to: 20_000 },
      { agentId: 'sara', status: 'break' as const, from: 20_000, to: 50_000 },
      { agentId: 'sara', status: 'online' as const, from: 50_000, to: null },
      { agentId: 'omid', status: 'away' as const, from: 90_000, to: 200_000 },
    ];
    expect(statusSeconds(spans, 10_000, 100_000)).toEqual([
      { agentId: 'omid', seconds: { online: 0, away: 10, break: 0, busy: 0 } },
      { agentId: 'sara', seconds: { online: 60, away: 0, break: 30, busy: 0 } },
    ]);
  });

  it('reads spans as stored and skips what is not one', () => {
    expect(parseSpan('a1:busy:10:20')).toEqual({ agentId: 'a1', status: 'busy', from: 10, to: 20 });
    expect(parseSpan('a1:offline:10:20')).toBeNull();
    expect(parseCurrent('a1', 'break:30')).toEqual({ agentId: 'a1', status: 'break', from: 30, to: null });
    expect(parseCurrent('a1', 'nonsense')).toBeNull();
  });
});

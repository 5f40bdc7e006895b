import type { Board } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { boardTotals, liveWaitSeconds, sortedAgents } from '../src/logic/board.ts';

const agent = (
  name: string,
  status: Board['agents'][number]['status'],
  load: number,
  cap = 3,
): Board['agents'][number] => ({
  agentId: name.toLowerCase(),
  name,
  status,
  load,
  cap,
});

describe('the live board', () => {
  it('keeps the longest wait running between pushes', () => {
    expect(liveWaitSeconds(30, 1_000, 11_400)).toBe(40);
    expect(liveWaitSeconds(30, 1_000, 500)).toBe(30);
    expect(liveWaitSeconds(null, 1_000, 11_000)).toBeNull();
  });

  it('lists online agents first, busiest first, then away and offline', () => {
    const sorted = sortedAgents([
      agent('Omid', 'offline', 0),
      agent('Sara', 'away', 0),
      agent('Lina', 'online', 1),
      agent('Adam', 'online', 2),
      agent('Bea', 'online', 1),
    ]);
    expect(sorted.map((a) => a.name)).toEqual(['Adam', 'Bea', 'Lina', 'Sara', 'Omid']);
  });

  it('sums who waits and the online agents’ load against their caps', () => {
    const board: Board = {
      lines: [
        { skill: 'general', level: 1, waiting: 2, longestWaitSeconds: 40 },
        { skill: 'billing', level: 2, waiting: 1, longestWaitSeconds: 5 },
      ],
      agents: [agent('Lina', 'online', 2), agent('Omid', 'online', 1, 5), agent('Sara', 'away', 3)],
      inProgress: 6,
    };
    expect(boardTotals(board)).toEqual({ waiting: 3, online: 2, load: 3, cap: 8 });
  });
});

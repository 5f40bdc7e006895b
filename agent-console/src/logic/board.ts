import type { Board } from '@cascade/shared';

type BoardAgent = Board['agents'][number];

const presence: Record<BoardAgent['status'], number> = { online: 0, busy: 1, break: 2, away: 3, offline: 4 };

/**
 * The longest wait of a line as of `now`: the board gives it as of when it was sent, and the
 * server only sends a new board when something changes, so the clock runs on here.
 */
export function liveWaitSeconds(longest: number | null, receivedAt: number, now: number): number | null {
  if (longest === null) return null;
  return longest + Math.max(0, Math.round((now - receivedAt) / 1000));
}

/** Online agents first, then away, then offline; the busiest first within each, then by name. */
export function sortedAgents(agents: readonly BoardAgent[]): BoardAgent[] {
  return [...agents].sort(
    (a, b) => presence[a.status] - presence[b.status] || b.load - a.load || a.name.localeCompare(b.name),
  );
}

/** The board's headline: who is waiting, who can answer and how full they are. */
export function boardTotals(board: Board): { waiting: number; online: number; load: number; cap: number } {
  const online = board.agents.filter((a) => a.status === 'online');
  return {
    waiting: board.lines.reduce((sum, l) => sum + l.waiting, 0),
    online: online.length,
    load: online.reduce((sum, a) => sum + a.load, 0),
    cap: online.reduce((sum, a) => sum + a.cap, 0),
  };
}

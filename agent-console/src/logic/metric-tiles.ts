import type { MetricsSummary } from '@cascade/shared';

/** A figure before it is put into words: counts, rates (0..1) and times in seconds; null is "no data". */
export type Figure =
  { kind: 'count'; n: number } | { kind: 'rate'; rate: number | null } | { kind: 'seconds'; seconds: number | null };

/** The small line under a tile's figure. */
export type TileNote =
  | { kind: 'share'; rate: number | null }
  | { kind: 'p90'; seconds: number | null; count: number }
  | { kind: 'levels'; l1: number; l2: number; l3: number }
  | { kind: 'ratings'; satisfied: number; ratings: number }
  | { kind: 'offered'; n: number }
  | { kind: 'byAgent'; n: number };

export type TileId =
  | 'conversations'
  | 'resolvedByBot'
  | 'firstContactResolution'
  | 'escalations'
  | 'transfers'
  | 'tickets'
  | 'abandoned'
  | 'wait'
  | 'firstResponse'
  | 'handle'
  | 'csat';

export interface Tile {
  id: TileId;
  value: Figure;
  note: TileNote | null;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The dashboard's tiles, in reading order: volume, the waterfall's outcome, speed, satisfaction. */
export function metricTiles(s: MetricsSummary): Tile[] {
  const levels = s.escalationsPerLevel;
  return [
    { id: 'conversations', value: { kind: 'count', n: s.conversations }, note: null },
    {
      id: 'resolvedByBot',
      value: { kind: 'count', n: s.resolvedByBot },
      note: { kind: 'share', rate: s.deflectionRate },
    },
    {
      id: 'firstContactResolution',
      value: { kind: 'rate', rate: s.firstContactResolution },
      note: { kind: 'byAgent', n: s.resolvedByAgent },
    },
    {
      id: 'escalations',
      value: { kind: 'count', n: levels['1'] + levels['2'] + levels['3'] },
      note: { kind: 'levels', l1: levels['1'], l2: levels['2'], l3: levels['3'] },
    },
    { id: 'transfers', value: { kind: 'count', n: s.transfers }, note: null },
    {
      id: 'tickets',
      value: { kind: 'count', n: s.tickets },
      note: { kind: 'share', rate: share(s.tickets, s.conversations) },
    },
    { id: 'abandoned', value: { kind: 'count', n: s.abandoned }, note: { kind: 'offered', n: s.offeredTickets } },
    { id: 'wait', value: { kind: 'seconds', seconds: s.waitSeconds.p50 }, note: p90(s.waitSeconds) },
    {
      id: 'firstResponse',
      value: { kind: 'seconds', seconds: s.firstResponseSeconds.p50 },
      note: p90(s.firstResponseSeconds),
    },
    { id: 'handle', value: { kind: 'seconds', seconds: s.handleSeconds.p50 }, note: p90(s.handleSeconds) },
    {
      id: 'csat',
      value: { kind: 'rate', rate: s.csat.score },
      note: { kind: 'ratings', satisfied: s.csat.satisfied, ratings: s.csat.ratings },
    },
  ];
}

function p90(p: MetricsSummary['waitSeconds']): TileNote {
  return { kind: 'p90', seconds: p.p90, count: p.count };
}

/** A rate as a percentage with at most one decimal: 0.8567 -> 85.7, 1 -> 100. */
export function percent(rate: number): number {
  return Math.round(rate * 1000) / 10;
}

/**
 * Seconds as the parts a label needs: under a minute with one decimal ("4.2s"), so that a
 * fast first response does not read as "0s"; longer times as whole milliseconds for the
 * duration formatter.
 */
export function secondsFigure(seconds: number): { kind: 'short'; seconds: number } | { kind: 'long'; ms: number } {
  if (seconds < 60) return { kind: 'short', seconds: Math.round(seconds * 10) / 10 };
  return { kind: 'long', ms: Math.round(seconds * 1000) };
}

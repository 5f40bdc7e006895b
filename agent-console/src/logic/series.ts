import type { MetricsSummary } from '@cascade/shared';

export interface SeriesPoint {
  t: number;
  value: number | null;
}

export type SeriesMeasure = 'conversations' | 'wait';

type Series = MetricsSummary['series'];

/** One line of the summary's series: volume per bucket, or the median wait (null where nobody waited). */
export function seriesPoints(series: Series, measure: SeriesMeasure): SeriesPoint[] {
  return series.map((row) => ({
    t: row.t,
    value: measure === 'conversations' ? row.conversations : row.waitP50Seconds,
  }));
}

/** The server buckets by the hour for short periods and by the day for longer ones. */
export function seriesStep(series: Series): 'hour' | 'day' {
  const [a, b] = series;
  if (!a || !b) return 'hour';
  return b.t - a.t >= 24 * 3600 * 1000 ? 'day' : 'hour';
}

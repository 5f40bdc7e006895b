import type { Board, MetricsSummary } from '@cascade/shared';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

export function getBoard(siteId: string): Promise<Board> {
  return requestJson<Board>('GET', `/api/board${siteQuery(siteId)}`);
}

export function getMetrics(siteId: string, range: { from: number; to: number }): Promise<MetricsSummary> {
  return requestJson<MetricsSummary>('GET', `/api/metrics/summary${siteQuery(siteId, range)}`);
}

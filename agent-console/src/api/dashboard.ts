import type { Board, MetricsSummary, StatusTimes } from '@cascade/shared';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

export function getBoard(siteId: string): Promise<Board> {
  return requestJson<Board>('GET', `/api/board${siteQuery(siteId)}`);
}

export function getMetrics(siteId: string, range: { from: number; to: number }): Promise<MetricsSummary> {
  return requestJson<MetricsSummary>('GET', `/api/metrics/summary${siteQuery(siteId, range)}`);
}

export function getStatusTimes(siteId: string, range: { from: number; to: number }): Promise<StatusTimes> {
  return requestJson<StatusTimes>('GET', `/api/metrics/status-time${siteQuery(siteId, range)}`);
}

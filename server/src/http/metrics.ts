import { CascadeError, MetricsQuery, MetricsSummary, StatusTimes, type Agent } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { summarise, type EventRecord } from '../metrics/summary.ts';
import { parse } from './parse.ts';
import type { StatusTime } from '../store/status-time.ts';
import { requireRole } from './access.ts';

const DAY = 24 * 3600 * 1000;

/** With no site asked about, the first one the agent supervises. */
function supervisedSite(agent: Agent): string {
  const chosen = agent.memberships.find((m) => m.role !== 'agent')?.siteId ?? agent.memberships[0]?.siteId ?? '';
  return requireRole(agent, chosen, 'supervisor').siteId;
}

export function metricsRoutes(
  app: FastifyInstance,
  deps: { redis: Redis; keys: Keys; statusTime: StatusTime },
  done: (err?: Error) => void,
): void {
  /** The period asked for, last day by default. */
  const period = (q: MetricsQuery) => {
    const to = q.to ?? Date.now();
    const from = q.from ?? to - DAY;
    if (from > to) throw new CascadeError('invalid_payload', 'from must not be after to');
    return { from, to };
  };

  app.get(
    '/api/metrics/summary',
    {
      config: {
        role: 'supervisor',
        site: 'query',
        siteOptional: true,
        openapi: {
          summary: 'The numbers of a period (live, from Redis)',
          query: MetricsQuery,
          response: { 200: MetricsSummary },
        },
      },
    },
    async (req) => {
      const q = parse(MetricsQuery, req.query);
      const siteId = req.member?.siteId ?? supervisedSite(req.agent);
      const { from, to } = period(q);
      // Stream ids are millisecond timestamps, so the period is a range of ids.
      const entries = await deps.redis.xRange(deps.keys.events(siteId), String(from), String(to));
      return summarise(
        entries.map((e) => e.message as EventRecord),
        { from, to },
      );
    },
  );
  app.get(
    '/api/metrics/status-time',
    {
      config: {
        role: 'supervisor',
        site: 'query',
        siteOptional: true,
        openapi: {
          summary: 'Time each agent spent available, away, on a break and busy in a period',
          query: MetricsQuery,
          response: { 200: StatusTimes },
        },
      },
    },
    async (req): Promise<StatusTimes> => {
      const q = parse(MetricsQuery, req.query);
      const siteId = req.member?.siteId ?? supervisedSite(req.agent);
      const { from, to } = period(q);
      return { from, to, agents: await deps.statusTime.between(siteId, from, to) };
    },
  );
  done();
}

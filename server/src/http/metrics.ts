import { CascadeError, MetricsQuery, MetricsSummary, type Agent } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { summarise, type EventRecord } from '../metrics/summary.ts';
import { parse } from './parse.ts';
import { requireRole } from './access.ts';

const DAY = 24 * 3600 * 1000;

/** With no site asked about, the first one the agent supervises. */
function supervisedSite(agent: Agent): string {
  const chosen = agent.memberships.find((m) => m.role !== 'agent')?.siteId ?? agent.memberships[0]?.siteId ?? '';
  return requireRole(agent, chosen, 'supervisor').siteId;
}

export function metricsRoutes(
  app: FastifyInstance,
  deps: { redis: Redis; keys: Keys },
  done: (err?: Error) => void,
): void {
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
      const to = q.to ?? Date.now();
      const from = q.from ?? to - DAY;
      if (from > to) throw new CascadeError('invalid_payload', 'from must not be after to');
      // Stream ids are millisecond timestamps, so the period is a range of ids.
      const entries = await deps.redis.xRange(deps.keys.events(siteId), String(from), String(to));
      return summarise(
        entries.map((e) => e.message as EventRecord),
        { from, to },
      );
    },
  );
  done();
}

import { HistoryRange, type HistorySummary } from '@cascade/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authed } from '../http/auth.ts';
import { parse } from '../http/parse.ts';
import { requireRole } from '../http/access.ts';
import type { HistoryNumbers } from './numbers.ts';

export type NumbersRouteDeps = {
  numbers: HistoryNumbers;
  authed: (req: FastifyRequest) => Promise<Authed>;
};

/** Supervisors' numbers for any range up to a year, and the conversations of a range as CSV. */
export function numbersRoutes(app: FastifyInstance, deps: NumbersRouteDeps): void {
  const range = async (req: FastifyRequest) => {
    const { agent } = await deps.authed(req);
    const q = parse(HistoryRange, req.query);
    requireRole(agent, q.siteId, 'supervisor');
    return q;
  };

  app.get('/api/history/summary', async (req): Promise<HistorySummary> => deps.numbers.summary(await range(req)));

  app.get('/api/history/conversations.csv', async (req, reply) => {
    const q = await range(req);
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="conversations-${q.siteId}-${day(q.from)}-${day(q.to)}.csv"`)
      .send(await deps.numbers.csv(q));
  });
}

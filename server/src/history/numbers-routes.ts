import { HistoryRange, type HistorySummary } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { parse } from '../http/parse.ts';
import type { HistoryNumbers } from './numbers.ts';

export type NumbersRouteDeps = { numbers: HistoryNumbers };

/** Supervisors' numbers for any range up to a year, and the conversations of a range as CSV. */
export function numbersRoutes(app: FastifyInstance, deps: NumbersRouteDeps, done: (err?: Error) => void): void {
  const supervisor = { config: { role: 'supervisor', site: 'query' } } as const;

  app.get('/api/history/summary', supervisor, async (req): Promise<HistorySummary> =>
    deps.numbers.summary(parse(HistoryRange, req.query)),
  );

  app.get('/api/history/conversations.csv', supervisor, async (req, reply) => {
    const q = parse(HistoryRange, req.query);
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="conversations-${q.siteId}-${day(q.from)}-${day(q.to)}.csv"`)
      .send(await deps.numbers.csv(q));
  });
  done();
}

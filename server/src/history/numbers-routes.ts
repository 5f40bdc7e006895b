import { HistoryRange, HistorySummary } from '@cascade/shared';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { parse } from '../http/parse.ts';
import type { HistoryNumbers } from './numbers.ts';

export type NumbersRouteDeps = { numbers: HistoryNumbers };

/** Supervisors' numbers for any range up to a year, and the conversations of a range as CSV. */
export function numbersRoutes(app: FastifyInstance, deps: NumbersRouteDeps, done: (err?: Error) => void): void {
  const supervisor = { role: 'supervisor', site: 'query' } as const;

  const summary = {
    config: {
      ...supervisor,
      openapi: {
        summary: 'The numbers of the conversations that ended in a range, up to a year',
        query: HistoryRange,
        response: { 200: HistorySummary },
      },
    },
  } as const;
  app.get('/api/history/summary', summary, async (req): Promise<HistorySummary> =>
    deps.numbers.summary(parse(HistoryRange, req.query)),
  );

  const csv = {
    config: {
      ...supervisor,
      openapi: {
        summary: 'The conversations of a range, one row each, as CSV',
        query: HistoryRange,
        response: { 200: { 'text/csv': z.string() } },
      },
    },
  } as const;
  app.get('/api/history/conversations.csv', csv, async (req, reply) => {
    const q = parse(HistoryRange, req.query);
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="conversations-${q.siteId}-${day(q.from)}-${day(q.to)}.csv"`)
      .send(await deps.numbers.csv(q));
  });
  done();
}

import { HistoryRange, HistorySummary, NpsComments } from '@cascade/shared';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { parse } from '../http/parse.ts';
import type { AgentStore } from '../store/agents.ts';
import type { HistoryExports } from './exports.ts';
import type { HistoryNumbers } from './numbers.ts';

export type NumbersRouteDeps = { numbers: HistoryNumbers; exports: HistoryExports; agents: AgentStore };

/** Supervisors' numbers for any range up to a year, and its conversations, agents and tags as CSV. */
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

  const comments = {
    config: {
      ...supervisor,
      openapi: {
        summary: 'The latest NPS answers of a range that came with a comment, newest first',
        query: HistoryRange,
        response: { 200: NpsComments },
      },
    },
  } as const;
  app.get('/api/history/nps-comments', comments, async (req): Promise<NpsComments> => ({
    comments: await deps.numbers.npsComments(parse(HistoryRange, req.query)),
  }));

  /** A CSV export of the range, named for the site and days; every one is in the audit log. */
  function csvRoute(name: string, summary: string, rows: (q: HistoryRange) => Promise<string>): void {
    const doc = {
      config: {
        ...supervisor,
        audit: true,
        openapi: { summary, query: HistoryRange, response: { 200: { 'text/csv': z.string() } } },
      },
    } as const;
    app.get(`/api/history/${name}.csv`, doc, async (req, reply) => {
      const q = parse(HistoryRange, req.query);
      const day = (t: number) => new Date(t).toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-${q.siteId}-${day(q.from)}-${day(q.to)}.csv"`)
        .send(await rows(q));
    });
  }
  csvRoute('conversations', 'The conversations of a range, one row each, as CSV', (q) => deps.numbers.csv(q));
  csvRoute('agents', 'The numbers of each agent over a range, one row each, as CSV', async (q) =>
    deps.exports.agents(q, new Map((await deps.agents.ofSite(q.siteId)).map((a) => [a.id, a.name]))),
  );
  csvRoute('tags', 'The numbers of each tag over a range, one row each, as CSV', (q) => deps.exports.tags(q));
  done();
}

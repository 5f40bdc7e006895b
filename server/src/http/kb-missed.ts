import { MissedGroups, MissedQuery } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { MissedReport } from '../kb/missed.ts';
import { parse } from './parse.ts';

/** "What the bot missed": for supervisors and admins of the site, to teach the knowledge base. */
export function kbMissedRoutes(
  app: FastifyInstance,
  deps: { missed: MissedReport },
  done: (err?: Error) => void,
): void {
  const list = {
    config: {
      role: 'supervisor',
      site: 'query',
      openapi: {
        summary: 'Visitor questions the bot did not answer outright in a range, grouped by similarity',
        query: MissedQuery,
        response: { 200: MissedGroups },
      },
    },
  } as const;
  app.get('/api/kb/missed', list, async (req): Promise<MissedGroups> =>
    deps.missed.groups(parse(MissedQuery, req.query)),
  );
  done();
}

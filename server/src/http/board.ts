import { Board, SiteQuery } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { board, type BoardDeps } from '../routing/board.ts';
import { parse } from './parse.ts';

/** The live board's first picture; `board:update` on the agent socket keeps it current. */
export function boardRoutes(app: FastifyInstance, deps: { core: BoardDeps }, done: (err?: Error) => void): void {
  const doc = {
    config: {
      role: 'supervisor',
      site: 'query',
      openapi: { summary: 'The live board: waiting lines and agents', query: SiteQuery, response: { 200: Board } },
    },
  } as const;
  app.get('/api/board', doc, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    return board(deps.core, siteId);
  });
  done();
}

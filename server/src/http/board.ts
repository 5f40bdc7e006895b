import { SiteQuery } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { board, type BoardDeps } from '../routing/board.ts';
import { parse } from './parse.ts';

/** The live board's first picture; `board:update` on the agent socket keeps it current. */
export function boardRoutes(app: FastifyInstance, deps: { core: BoardDeps }, done: (err?: Error) => void): void {
  app.get('/api/board', { config: { role: 'supervisor', site: 'query' } }, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    return board(deps.core, siteId);
  });
  done();
}

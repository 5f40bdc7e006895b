import { SiteQuery } from '@cascade/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { board, type BoardDeps } from '../routing/board.ts';
import { requireRole } from './access.ts';
import type { Authed } from './auth.ts';
import { parse } from './parse.ts';

/** The live board's first picture; `board:update` on the agent socket keeps it current. */
export function boardRoutes(
  app: FastifyInstance,
  deps: { core: BoardDeps; authed: (req: FastifyRequest) => Promise<Authed> },
) {
  app.get('/api/board', async (req) => {
    const { agent } = await deps.authed(req);
    const { siteId } = parse(SiteQuery, req.query);
    requireRole(agent, siteId, 'supervisor');
    return board(deps.core, siteId);
  });
}

import { SiteQuery, VisitorParams, type VisitorRevoked } from '@cascade/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VisitorStore } from '../store/visitors.ts';
import { requireRole } from './access.ts';
import type { Authed } from './auth.ts';
import { parse } from './parse.ts';

/** Visitors, as supervisors and admins act on them. */
export function visitorRoutes(
  app: FastifyInstance,
  deps: {
    visitors: VisitorStore;
    authed: (req: FastifyRequest) => Promise<Authed>;
    /** Ends the visitor's live connections on every process. */
    disconnect: (siteId: string, visitorId: string) => void;
  },
) {
  /**
   * Revokes every token of a visitor (an abusive one, or one whose device was lost): their
   * connections close, and their browsers come back as new visitors who see nothing of before.
   */
  app.post('/api/visitors/:visitorId/revoke', async (req): Promise<VisitorRevoked> => {
    const { agent } = await deps.authed(req);
    const { visitorId } = parse(VisitorParams, req.params);
    const { siteId } = parse(SiteQuery, req.body);
    requireRole(agent, siteId, 'supervisor');
    const revoked = await deps.visitors.revokeTokens(siteId, visitorId);
    deps.disconnect(siteId, visitorId);
    return { revoked };
  });
}

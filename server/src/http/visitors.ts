import { SiteQuery, VisitorParams, VisitorRevoked } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { VisitorStore } from '../store/visitors.ts';
import { parse } from './parse.ts';

/** Visitors, as supervisors and admins act on them. */
export function visitorRoutes(
  app: FastifyInstance,
  deps: {
    visitors: VisitorStore;
    /** Ends the visitor's live connections on every process. */
    disconnect: (siteId: string, visitorId: string) => void;
  },
  done: (err?: Error) => void,
): void {
  /**
   * Revokes every token of a visitor (an abusive one, or one whose device was lost): their
   * connections close, and their browsers come back as new visitors who see nothing of before.
   */
  app.post(
    '/api/visitors/:visitorId/revoke',
    {
      config: {
        role: 'supervisor',
        site: 'body',
        openapi: {
          summary: 'Revokes every token of a visitor; their connections close',
          params: VisitorParams,
          body: SiteQuery,
          response: { 200: VisitorRevoked },
        },
      },
    },
    async (req): Promise<VisitorRevoked> => {
      const { visitorId } = parse(VisitorParams, req.params);
      const { siteId } = parse(SiteQuery, req.body);
      const revoked = await deps.visitors.revokeTokens(siteId, visitorId);
      deps.disconnect(siteId, visitorId);
      return { revoked };
    },
  );
  done();
}

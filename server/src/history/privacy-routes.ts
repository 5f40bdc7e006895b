import { SiteQuery, VisitorLookup, type ErasureResult, type FoundVisitors, type VisitorExport } from '@cascade/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authed } from '../http/auth.ts';
import { parse } from '../http/parse.ts';
import { requireRole } from '../http/access.ts';
import type { Privacy } from './privacy.ts';

export type PrivacyRouteDeps = {
  privacy: Privacy;
  authed: (req: FastifyRequest) => Promise<Authed>;
  /** Ends the visitor's live connections on every process, before their records go. */
  disconnect: (siteId: string, visitorId: string) => void;
};

/**
 * `/api/privacy/*`: a site's admins find a visitor, export what is held about them, or erase
 * it. All POST, so addresses stay out of URLs and every call is in the audit log (audit.ts).
 */
export function privacyRoutes(app: FastifyInstance, deps: PrivacyRouteDeps): void {
  const admin = async (req: FastifyRequest) => {
    const { agent } = await deps.authed(req);
    const q = parse(VisitorLookup, req.body);
    requireRole(agent, q.siteId, 'admin');
    return { agent, q };
  };

  app.post('/api/privacy/find', async (req): Promise<FoundVisitors> => {
    const { q } = await admin(req);
    return { visitors: await deps.privacy.find(q) };
  });

  app.post('/api/privacy/export', async (req): Promise<VisitorExport> => {
    const { q } = await admin(req);
    return deps.privacy.export(q);
  });

  app.post('/api/privacy/erase', async (req): Promise<ErasureResult> => {
    const { agent, q } = await admin(req);
    return deps.privacy.erase(q, agent.id, (visitorId) => deps.disconnect(q.siteId, visitorId));
  });

  app.get('/api/privacy/erasures', async (req) => {
    const { agent } = await deps.authed(req);
    const { siteId } = parse(SiteQuery, req.query);
    requireRole(agent, siteId, 'admin');
    return { erasures: await deps.privacy.erasures(siteId) };
  });
}

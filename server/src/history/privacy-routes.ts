import { SiteQuery, VisitorLookup, type ErasureResult, type FoundVisitors, type VisitorExport } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { parse } from '../http/parse.ts';
import type { Privacy } from './privacy.ts';

export type PrivacyRouteDeps = {
  privacy: Privacy;
  /** Ends the visitor's live connections on every process, before their records go. */
  disconnect: (siteId: string, visitorId: string) => void;
};

/**
 * `/api/privacy/*`: a site's admins find a visitor, export what is held about them, or erase
 * it. All POST, so addresses stay out of URLs and every call is in the audit log (audit.ts).
 */
export function privacyRoutes(app: FastifyInstance, deps: PrivacyRouteDeps, done: (err?: Error) => void): void {
  const admin = { config: { role: 'admin', site: 'body' } } as const;

  app.post('/api/privacy/find', admin, async (req): Promise<FoundVisitors> => {
    return { visitors: await deps.privacy.find(parse(VisitorLookup, req.body)) };
  });

  app.post('/api/privacy/export', admin, async (req): Promise<VisitorExport> => {
    return deps.privacy.export(parse(VisitorLookup, req.body));
  });

  app.post('/api/privacy/erase', admin, async (req): Promise<ErasureResult> => {
    const q = parse(VisitorLookup, req.body);
    return deps.privacy.erase(q, req.agent.id, (visitorId) => deps.disconnect(q.siteId, visitorId));
  });

  app.get('/api/privacy/erasures', { config: { role: 'admin', site: 'query' } }, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    return { erasures: await deps.privacy.erasures(siteId) };
  });
  done();
}

import { Erasures, ErasureResult, FoundVisitors, SiteQuery, VisitorExport, VisitorLookup } from '@cascade/shared';
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
  const admin = { role: 'admin', site: 'body' } as const;

  const find = {
    config: {
      ...admin,
      openapi: {
        summary: 'Finds a visitor, and how much is held about them',
        body: VisitorLookup,
        response: { 200: FoundVisitors },
      },
    },
  } as const;
  app.post('/api/privacy/find', find, async (req): Promise<FoundVisitors> => {
    return { visitors: await deps.privacy.find(parse(VisitorLookup, req.body)) };
  });

  const exported = {
    config: {
      ...admin,
      openapi: {
        summary: 'Everything held about a visitor',
        body: VisitorLookup,
        response: { 200: VisitorExport },
      },
    },
  } as const;
  app.post('/api/privacy/export', exported, async (req): Promise<VisitorExport> => {
    return deps.privacy.export(parse(VisitorLookup, req.body));
  });

  const erase = {
    config: {
      ...admin,
      openapi: {
        summary: 'Erases everything held about a visitor',
        body: VisitorLookup,
        response: { 200: ErasureResult },
      },
    },
  } as const;
  app.post('/api/privacy/erase', erase, async (req): Promise<ErasureResult> => {
    const q = parse(VisitorLookup, req.body);
    return deps.privacy.erase(q, req.agent.id, (visitorId) => deps.disconnect(q.siteId, visitorId));
  });

  const erasures = {
    config: {
      role: 'admin',
      site: 'query',
      openapi: {
        summary: 'The site’s erasures: when, by whom, how much',
        query: SiteQuery,
        response: { 200: Erasures },
      },
    },
  } as const;
  app.get('/api/privacy/erasures', erasures, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    return { erasures: await deps.privacy.erasures(siteId) };
  });
  done();
}

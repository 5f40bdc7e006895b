import { RetentionUpdate, SiteQuery, type RetentionSettings } from '@cascade/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authed } from '../http/auth.ts';
import { parse } from '../http/parse.ts';
import { requireRole } from '../http/access.ts';
import type { Retention } from './retention.ts';

export type RetentionRouteDeps = {
  retention: Retention;
  authed: (req: FastifyRequest) => Promise<Authed>;
};

/** `/api/retention`: how long a site keeps transcripts and numbers; its admins read and set it. */
export function retentionRoutes(app: FastifyInstance, deps: RetentionRouteDeps): void {
  app.get('/api/retention', async (req): Promise<{ retention: RetentionSettings }> => {
    const { agent } = await deps.authed(req);
    const { siteId } = parse(SiteQuery, req.query);
    requireRole(agent, siteId, 'admin');
    return { retention: await deps.retention.get(siteId) };
  });

  app.put('/api/retention', async (req): Promise<{ retention: RetentionSettings }> => {
    const { agent } = await deps.authed(req);
    const { siteId, retention } = parse(RetentionUpdate, req.body);
    requireRole(agent, siteId, 'admin');
    return { retention: await deps.retention.set(siteId, retention) };
  });
}

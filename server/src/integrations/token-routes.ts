import { ApiTokenCreate, ApiTokenParams, CascadeError, SiteQuery, type ApiTokenCreated } from '@cascade/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireRole } from '../http/access.ts';
import type { Authed } from '../http/auth.ts';
import { parse } from '../http/parse.ts';
import type { TokenStore } from './token-store.ts';

export type TokenRouteDeps = { tokens: TokenStore; authed: (req: FastifyRequest) => Promise<Authed> };

/** A site's admins list, create and revoke its API tokens. */
export function tokenRoutes(app: FastifyInstance, deps: TokenRouteDeps): void {
  app.get('/api/integrations/tokens', async (req) => {
    const { agent } = await deps.authed(req);
    const { siteId } = parse(SiteQuery, req.query);
    requireRole(agent, siteId, 'admin');
    return { tokens: await deps.tokens.list(siteId) };
  });

  app.post('/api/integrations/tokens', async (req, reply) => {
    const { agent } = await deps.authed(req);
    const body = parse(ApiTokenCreate, req.body);
    requireRole(agent, body.siteId, 'admin');
    const created: ApiTokenCreated = await deps.tokens.create({ ...body, createdBy: agent.id });
    return reply.status(201).send(created);
  });

  app.delete('/api/integrations/tokens/:tokenId', async (req, reply) => {
    const { agent } = await deps.authed(req);
    const { tokenId } = parse(ApiTokenParams, req.params);
    const { siteId } = parse(SiteQuery, req.query);
    requireRole(agent, siteId, 'admin');
    if (!(await deps.tokens.revoke(siteId, tokenId))) throw new CascadeError('not_found', 'no such token');
    return reply.status(204).send();
  });
}

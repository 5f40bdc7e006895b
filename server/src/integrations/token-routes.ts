import { ApiTokenCreate, ApiTokenParams, CascadeError, SiteQuery, type ApiTokenCreated } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { parse } from '../http/parse.ts';
import type { TokenStore } from './token-store.ts';

export type TokenRouteDeps = { tokens: TokenStore };

/** A site's admins list, create and revoke its API tokens. */
export function tokenRoutes(app: FastifyInstance, deps: TokenRouteDeps, done: (err?: Error) => void): void {
  app.get('/api/integrations/tokens', { config: { role: 'admin', site: 'query' } }, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    return { tokens: await deps.tokens.list(siteId) };
  });

  app.post('/api/integrations/tokens', { config: { role: 'admin', site: 'body' } }, async (req, reply) => {
    const body = parse(ApiTokenCreate, req.body);
    const created: ApiTokenCreated = await deps.tokens.create({ ...body, createdBy: req.agent.id });
    return reply.status(201).send(created);
  });

  app.delete('/api/integrations/tokens/:tokenId', { config: { role: 'admin', site: 'query' } }, async (req, reply) => {
    const { tokenId } = parse(ApiTokenParams, req.params);
    const { siteId } = parse(SiteQuery, req.query);
    if (!(await deps.tokens.revoke(siteId, tokenId))) throw new CascadeError('not_found', 'no such token');
    return reply.status(204).send();
  });
  done();
}

import { ApiTokenCreate, ApiTokenCreated, ApiTokenParams, ApiTokens, CascadeError, SiteQuery } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { parse } from '../http/parse.ts';
import type { TokenStore } from './token-store.ts';

export type TokenRouteDeps = { tokens: TokenStore };

/** A site's admins list, create and revoke its API tokens. */
export function tokenRoutes(app: FastifyInstance, deps: TokenRouteDeps, done: (err?: Error) => void): void {
  const list = {
    config: {
      role: 'admin',
      site: 'query',
      openapi: {
        summary: 'The site’s API tokens (never their secrets)',
        query: SiteQuery,
        response: { 200: ApiTokens },
      },
    },
  } as const;
  app.get('/api/integrations/tokens', list, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    return { tokens: await deps.tokens.list(siteId) };
  });

  const create = {
    config: {
      role: 'admin',
      site: 'body',
      openapi: {
        summary: 'Creates an API token; its secret is in this answer only',
        body: ApiTokenCreate,
        response: { 201: ApiTokenCreated },
      },
    },
  } as const;
  app.post('/api/integrations/tokens', create, async (req, reply) => {
    const body = parse(ApiTokenCreate, req.body);
    const created: ApiTokenCreated = await deps.tokens.create({ ...body, createdBy: req.agent.id });
    return reply.status(201).send(created);
  });

  const revoke = {
    config: {
      role: 'admin',
      site: 'query',
      openapi: { summary: 'Revokes an API token', params: ApiTokenParams, query: SiteQuery, response: { 204: null } },
    },
  } as const;
  app.delete('/api/integrations/tokens/:tokenId', revoke, async (req, reply) => {
    const { tokenId } = parse(ApiTokenParams, req.params);
    const { siteId } = parse(SiteQuery, req.query);
    if (!(await deps.tokens.revoke(siteId, tokenId))) throw new CascadeError('not_found', 'no such token');
    return reply.status(204).send();
  });
  done();
}

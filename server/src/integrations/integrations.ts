import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Core } from '../core.ts';
import type { Authed } from '../http/auth.ts';
import { bearerAuth } from './bearer.ts';
import { integrationKeys } from './keys.ts';
import { tokenRoutes } from './token-routes.ts';
import { tokenStore } from './token-store.ts';
import { webhookTestRoutes } from './webhook-test.ts';

/**
 * The integrations' parts for the composition root: the bearer check the authenticator calls,
 * and the routes, registered once the authenticator exists.
 */
export function integrations(core: Core, config: Config) {
  const k = integrationKeys(config.KEY_PREFIX);
  const tokens = tokenStore(core.redis, k);
  return {
    bearer: bearerAuth(tokens),
    routes(app: FastifyInstance, authed: (req: FastifyRequest) => Promise<Authed>): void {
      tokenRoutes(app, { tokens, authed });
      webhookTestRoutes(app, { sites: core.sites, allowInternal: config.ALLOW_INTERNAL_WEBHOOKS, authed });
    },
  };
}

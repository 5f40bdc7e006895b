import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Core } from '../core.ts';
import type { Authed } from '../http/auth.ts';
import { bearerAuth } from './bearer.ts';
import { integrationKeys } from './keys.ts';
import { internalMetricsServer, metricsRoute } from './metrics-endpoint.ts';
import { prometheus } from './prometheus.ts';
import { tokenRoutes } from './token-routes.ts';
import { tokenStore } from './token-store.ts';
import { totpRoutes } from './totp-routes.ts';
import { totpStore } from './totp-store.ts';
import { webhookTestRoutes } from './webhook-test.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where the internal metrics listener (METRICS_PORT) answers; null when there is none. */
    metricsUrl: string | null;
  }
}

/**
 * The integrations' parts for the composition root: the bearer check the authenticator calls,
 * and the routes, registered once the authenticator exists.
 */
export function integrations(core: Core, config: Config) {
  const k = integrationKeys(config.KEY_PREFIX);
  const tokens = tokenStore(core.redis, k);
  const registry = prometheus(core);
  const totp = totpStore(core.redis, k);
  return {
    bearer: bearerAuth(tokens),
    secondFactor: async (agentId: string, code: string | undefined): Promise<'ok' | 'missing' | 'wrong'> => {
      if (!(await totp.enabled(agentId))) return 'ok';
      if (!code) return 'missing';
      return (await totp.check(agentId, code, Date.now())) ? 'ok' : 'wrong';
    },
    async routes(app: FastifyInstance, authed: (req: FastifyRequest) => Promise<Authed>): Promise<void> {
      tokenRoutes(app, { tokens, authed });
      webhookTestRoutes(app, { sites: core.sites, allowInternal: config.ALLOW_INTERNAL_WEBHOOKS, authed });
      totpRoutes(app, { totp, agents: core.agents, sites: core.sites, redis: core.redis, keys: k, authed });
      metricsRoute(app, registry, config);
      const internal = await internalMetricsServer(registry, config);
      app.decorate('metricsUrl', internal?.url ?? null);
      if (internal) app.addHook('onClose', () => internal.close());
    },
  };
}

import type { Agent } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Core } from '../compose.ts';
import { endAgentConnections } from '../io/agent.ts';
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
 * The integrations' parts for the composition root: the bearer check the guard calls, the
 * signed-in routes (registered under the guard) and the metrics endpoints (outside it: they
 * take their own token).
 */
export function integrations(core: Core, config: Config) {
  const k = integrationKeys(config.KEY_PREFIX);
  const tokens = tokenStore(core.redis, k);
  const registry = prometheus(core);
  const totp = totpStore(core.redis, k);
  /**
   * A member of a site that requires two-step sign-in who has not turned it on. One round
   * trip for most people (no site of theirs requires it); a second only for those whose does.
   */
  const secondFactorPending = async (agent: Agent): Promise<boolean> => {
    const siteIds = agent.memberships.map((m) => m.siteId);
    if (siteIds.length === 0) return false;
    const required = await core.redis.smIsMember(k.totpRequired, siteIds);
    if (!required.some((r) => r === 1)) return false;
    return !(await totp.enabled(agent.id));
  };
  return {
    bearer: bearerAuth(tokens),
    secondFactor: async (agentId: string, code: string | undefined): Promise<'ok' | 'missing' | 'wrong'> => {
      if (!(await totp.enabled(agentId))) return 'ok';
      if (!code) return 'missing';
      return (await totp.check(agentId, code, Date.now())) ? 'ok' : 'wrong';
    },
    secondFactorPending,
    async routes(api: FastifyInstance): Promise<void> {
      await api.register(tokenRoutes, { tokens });
      await api.register(webhookTestRoutes, { sites: core.sites, allowInternal: config.ALLOW_INTERNAL_WEBHOOKS });
      await api.register(totpRoutes, {
        totp,
        agents: core.agents,
        sites: core.sites,
        redis: core.redis,
        keys: k,
        disconnect: (agentId) => endAgentConnections(core.io, agentId),
        secondFactorPending,
      });
    },
    async metrics(app: FastifyInstance): Promise<void> {
      metricsRoute(app, registry, config);
      const internal = await internalMetricsServer(registry, config);
      app.decorate('metricsUrl', internal?.url ?? null);
      if (internal) app.addHook('onClose', () => internal.close());
    },
  };
}

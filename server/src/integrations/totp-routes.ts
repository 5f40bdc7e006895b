import {
  CascadeError,
  TotpDisable,
  TotpEnable,
  TotpRequirement,
  type TotpSetup,
  type TotpStatus,
} from '@cascade/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { verifyPassword } from '../auth/password.ts';
import { requireRole } from '../http/access.ts';
import type { Authed } from '../http/auth.ts';
import { parse } from '../http/parse.ts';
import type { Redis } from '../redis/connect.ts';
import type { AgentStore } from '../store/agents.ts';
import type { SiteStore } from '../store/sites.ts';
import type { IntegrationKeys } from './keys.ts';
import { otpauthUri } from './totp.ts';
import type { TotpStore } from './totp-store.ts';

export type TotpRouteDeps = {
  totp: TotpStore;
  agents: AgentStore;
  sites: SiteStore;
  redis: Redis;
  keys: IntegrationKeys;
  authed: (req: FastifyRequest) => Promise<Authed>;
};

/** Two-step sign-in: each person turns it on for themselves; a site's admins may require it. */
export function totpRoutes(app: FastifyInstance, deps: TotpRouteDeps): void {
  async function status(agentId: string, siteIds: string[]): Promise<TotpStatus> {
    const required = new Set(await deps.redis.sMembers(deps.keys.totpRequired));
    const requiredBy: string[] = [];
    for (const id of siteIds.filter((s) => required.has(s))) {
      const site = await deps.sites.get(id);
      if (site) requiredBy.push(site.name);
    }
    return { ...(await deps.totp.status(agentId)), requiredBy };
  }
  const sitesOf = (a: Authed) => a.agent.memberships.map((m) => m.siteId);

  app.get('/api/auth/totp', async (req) => {
    const a = await deps.authed(req);
    return status(a.agent.id, sitesOf(a));
  });

  /** A new secret to add to the app; nothing changes at login until a first code confirms it. */
  app.post('/api/auth/totp/setup', async (req): Promise<TotpSetup> => {
    const { agent } = await deps.authed(req);
    const secret = await deps.totp.begin(agent.id);
    if (!secret) throw new CascadeError('invalid_state', 'two-step sign-in is already on; turn it off first');
    return { secret, uri: otpauthUri(secret, agent.email) };
  });

  /** The first code proves the app holds the secret; the recovery codes are shown only now. */
  app.post('/api/auth/totp/enable', async (req) => {
    const { agent } = await deps.authed(req);
    const { code } = parse(TotpEnable, req.body);
    const recoveryCodes = await deps.totp.enable(agent.id, code, Date.now());
    if (!recoveryCodes) throw new CascadeError('invalid_payload', 'code: this is not the code your app shows now');
    return { recoveryCodes };
  });

  /** Turning it off asks for the password, so an unattended open console cannot. */
  app.post('/api/auth/totp/disable', async (req, reply) => {
    const { agent } = await deps.authed(req);
    const { password } = parse(TotpDisable, req.body);
    const hash = await deps.agents.passwordHash(agent.id);
    if (!hash || !(await verifyPassword(hash, password))) {
      throw new CascadeError('invalid_payload', 'password: this is not your password');
    }
    await deps.totp.disable(agent.id);
    return reply.status(204).send();
  });

  app.post('/api/integrations/totp-requirement', async (req) => {
    const a = await deps.authed(req);
    const body = parse(TotpRequirement, req.body);
    requireRole(a.agent, body.siteId, 'admin');
    if (body.required) await deps.redis.sAdd(deps.keys.totpRequired, body.siteId);
    else await deps.redis.sRem(deps.keys.totpRequired, body.siteId);
    return status(a.agent.id, sitesOf(a));
  });
}

import {
  CascadeError,
  RecoveryCodes,
  TotpDisable,
  SiteQuery,
  TotpEnable,
  TotpRequirement,
  TotpSetup,
  TotpStatus,
  type Agent,
} from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { verifyPassword } from '../auth/password.ts';
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
  /** Ends the agent's live connections everywhere (they come back through the socket's checks). */
  disconnect: (agentId: string) => Promise<void>;
  /** Whether a site of the agent requires two-step sign-in that the agent has not turned on yet. */
  secondFactorPending: (agent: Agent) => Promise<boolean>;
};

/** Two-step sign-in: each person turns it on for themselves; a site's admins may require it. */
export function totpRoutes(app: FastifyInstance, deps: TotpRouteDeps, done: (err?: Error) => void): void {
  // Open to a person whose site requires two-step sign-in before they have turned it on:
  // these routes are how they do.
  const signedIn = { role: 'agent', beforeSecondFactor: true } as const;
  async function status(agentId: string, siteIds: string[]): Promise<TotpStatus> {
    const required = new Set(await deps.redis.sMembers(deps.keys.totpRequired));
    const requiredBy: string[] = [];
    for (const id of siteIds.filter((s) => required.has(s))) {
      const site = await deps.sites.get(id);
      if (site) requiredBy.push(site.name);
    }
    return { ...(await deps.totp.status(agentId)), requiredBy };
  }
  const sitesOf = (agent: Agent) => agent.memberships.map((m) => m.siteId);

  const read = {
    config: {
      ...signedIn,
      openapi: { summary: 'Whether two-step sign-in is on, and which sites require it', response: { 200: TotpStatus } },
    },
  } as const;
  app.get('/api/auth/totp', read, async (req) => status(req.agent.id, sitesOf(req.agent)));

  /** A new secret to add to the app; nothing changes at login until a first code confirms it. */
  const setup = {
    config: {
      ...signedIn,
      openapi: { summary: 'A new secret for the authenticator app', response: { 200: TotpSetup } },
    },
  } as const;
  app.post('/api/auth/totp/setup', setup, async (req): Promise<TotpSetup> => {
    const { agent } = req;
    const secret = await deps.totp.begin(agent.id);
    if (!secret) throw new CascadeError('invalid_state', 'two-step sign-in is already on; turn it off first');
    return { secret, uri: otpauthUri(secret, agent.email) };
  });

  /** The first code proves the app holds the secret; the recovery codes are shown only now. */
  const enable = {
    config: {
      ...signedIn,
      openapi: {
        summary: 'Turns two-step sign-in on with a first code; the recovery codes are shown only now',
        body: TotpEnable,
        response: { 200: RecoveryCodes },
      },
    },
  } as const;
  app.post('/api/auth/totp/enable', enable, async (req) => {
    const { agent } = req;
    const { code } = parse(TotpEnable, req.body);
    const recoveryCodes = await deps.totp.enable(agent.id, code, Date.now());
    if (!recoveryCodes) throw new CascadeError('invalid_payload', 'code: this is not the code your app shows now');
    return { recoveryCodes };
  });

  /** Turning it off asks for the password, so an unattended open console cannot. */
  const disable = {
    config: {
      ...signedIn,
      openapi: {
        summary: 'Turns two-step sign-in off, with the password',
        body: TotpDisable,
        response: { 204: null },
      },
    },
  } as const;
  app.post('/api/auth/totp/disable', disable, async (req, reply) => {
    const { agent } = req;
    const { password } = parse(TotpDisable, req.body);
    const hash = await deps.agents.passwordHash(agent.id);
    if (!hash || !(await verifyPassword(hash, password))) {
      throw new CascadeError('invalid_payload', 'password: this is not your password');
    }
    await deps.totp.disable(agent.id);
    // On a site that requires it, the person's other devices stop answering chats too.
    if (await deps.secondFactorPending(agent)) await deps.disconnect(agent.id);
    return reply.status(204).send();
  });

  // Open before the admin's own second factor too, so an admin who required it by mistake can
  // undo that. It opens nothing: whoever holds only the password could as well turn the
  // second factor on for the account themselves.
  const requirement = {
    config: {
      role: 'admin',
      site: 'body',
      beforeSecondFactor: true,
      openapi: {
        summary: 'Requires (or stops requiring) two-step sign-in of the site’s members',
        body: TotpRequirement,
        response: { 200: TotpStatus },
      },
    },
  } as const;
  app.get(
    '/api/integrations/totp-requirement',
    {
      config: {
        role: 'admin',
        site: 'query',
        beforeSecondFactor: true,
        openapi: {
          summary: 'Whether the site requires two-step sign-in of its members',
          query: SiteQuery,
          response: { 200: TotpRequirement },
        },
      },
    },
    async (req): Promise<TotpRequirement> => {
      const { siteId } = parse(SiteQuery, req.query);
      const [required] = await deps.redis.smIsMember(deps.keys.totpRequired, [siteId]);
      return { siteId, required: required === 1 };
    },
  );
  app.post('/api/integrations/totp-requirement', requirement, async (req) => {
    const body = parse(TotpRequirement, req.body);
    if (body.required) {
      await deps.redis.sAdd(deps.keys.totpRequired, body.siteId);
      // A member online without it would otherwise keep being given chats until their socket
      // next checks them: their connections end now, and the handshake refuses them until they
      // turn it on.
      for (const member of await deps.agents.ofSite(body.siteId)) {
        if (!(await deps.totp.enabled(member.id))) await deps.disconnect(member.id);
      }
    } else await deps.redis.sRem(deps.keys.totpRequired, body.siteId);
    return status(req.agent.id, sitesOf(req.agent));
  });
  done();
}

import {
  CascadeError,
  LinkToken,
  SetupBody,
  SiteCreate,
  SiteQuery,
  SiteRef,
  SiteRemove,
  type Installation,
  type SetupTokenState,
  type SiteCreated,
} from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sessionCookie } from '../auth/cookies.ts';
import type { Db } from '../history/db.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { Routing } from '../routing/routing.ts';
import type { OriginLog } from '../security/origin-log.ts';
import type { FirstRun } from '../setup/first-run.ts';
import { createSite, removeSite, rotatePublicKey } from '../setup/sites.ts';
import type { AgentStore } from '../store/agents.ts';
import type { SessionStore } from '../store/sessions.ts';
import type { SiteStore } from '../store/sites.ts';
import { SESSION_MAX_AGE } from './auth.ts';
import { parse } from './parse.ts';
import { snippet } from './sites.ts';

export type SetupRoutesDeps = {
  firstRun: FirstRun;
  redis: Redis;
  keys: Keys;
  sites: SiteStore;
  agents: AgentStore;
  sessions: SessionStore;
  routing: Routing;
  db: Db;
  origins: OriginLog;
  publicUrl: string;
  secureCookies: boolean;
  disconnect: (agentId: string) => Promise<void>;
  /** Closes the widget connections of a site that is going away. */
  disconnectSite: (siteId: string) => Promise<void>;
};

const created = (publicUrl: string, site: SiteCreated['site']): SiteCreated => ({
  site,
  snippet: snippet(publicUrl, site.publicKey),
});

/** The first run, before anyone can sign in: the owner and the first site, from the one-time link. */
export function setupRoutes(app: FastifyInstance, deps: SetupRoutesDeps, done: (err?: Error) => void): void {
  app.get('/api/setup/:token', async (req): Promise<SetupTokenState> => {
    const { token } = parse(z.object({ token: LinkToken }), req.params);
    return { valid: await deps.firstRun.tokenValid(token) };
  });

  /** Creates the owner and the first site, and signs the owner in. */
  app.post('/api/setup', async (req, reply): Promise<SiteCreated> => {
    const body = parse(SetupBody, req.body);
    const { agent, site } = await deps.firstRun.complete(body.token, body.owner, body.site);
    const session = await deps.sessions.create(agent.id);
    reply.header(
      'set-cookie',
      sessionCookie(session.id, { secure: deps.secureCookies, maxAgeSeconds: SESSION_MAX_AGE }),
    );
    return created(deps.publicUrl, site);
  });
  done();
}

/** The sites an owner adds, re-keys and removes after the first run. */
export function siteLifecycleRoutes(app: FastifyInstance, deps: SetupRoutesDeps, done: (err?: Error) => void): void {
  /** An admin of any site adds another one, and is its admin. */
  app.post('/api/sites', { config: { role: 'agent' } }, async (req): Promise<SiteCreated> => {
    const { agent } = req;
    if (!agent.memberships.some((m) => m.role === 'admin')) {
      throw new CascadeError('forbidden', 'only a site admin can add sites');
    }
    const site = await createSite(deps.sites, parse(SiteCreate, req.body));
    const current = (await deps.agents.get(agent.id)) ?? agent;
    const next = {
      ...current,
      memberships: [...current.memberships, { siteId: site.id, role: 'admin' as const, skills: [], maxChats: null }],
    };
    await deps.agents.save(next);
    await deps.routing.registerAgent(next);
    await deps.disconnect(agent.id);
    return created(deps.publicUrl, site);
  });

  /** A new public key: pages with the old snippet stop loading the chat. */
  app.post('/api/sites/key/rotate', { config: { role: 'admin', site: 'body' } }, async (req): Promise<SiteCreated> => {
    const { siteId } = parse(SiteRef, req.body);
    const site = await deps.sites.get(siteId);
    if (!site) throw new CascadeError('not_found', 'no such site');
    return created(deps.publicUrl, await rotatePublicKey(deps.redis, deps.keys, deps.sites, site));
  });

  /** Removes the site with everything it holds, once its name has been typed again. */
  app.post('/api/sites/remove', { config: { role: 'admin', site: 'body' } }, async (req, reply) => {
    const body = parse(SiteRemove, req.body);
    const site = await deps.sites.get(body.siteId);
    if (!site) throw new CascadeError('not_found', 'no such site');
    if (body.confirm.trim() !== site.name) {
      throw new CascadeError('invalid_payload', 'confirm: type the site name exactly to remove it');
    }
    const members = await deps.agents.ofSite(site.id);
    await removeSite(deps, site);
    await deps.disconnectSite(site.id);
    for (const m of members) await deps.disconnect(m.id);
    return reply.status(204).send();
  });

  /** Whether the widget has connected from an allowed origin, and where it was refused from. */
  app.get(
    '/api/sites/installation',
    { config: { role: 'supervisor', site: 'query' } },
    async (req): Promise<Installation> => {
      const { siteId } = parse(SiteQuery, req.query);
      return deps.origins.read(siteId);
    },
  );
  done();
}

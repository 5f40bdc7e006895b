import {
  CascadeError,
  LinkToken,
  SetupBody,
  SiteCreate,
  SiteQuery,
  SiteRef,
  SiteRemove,
  Installation,
  SetupTokenState,
  SiteCreated,
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

/** The one-time setup token, as the link carries it. */
const SetupTokenParams = z.object({ token: LinkToken });

const created = (publicUrl: string, site: SiteCreated['site']): SiteCreated => ({
  site,
  snippet: snippet(publicUrl, site.publicKey),
});

/** The first run, before anyone can sign in: the owner and the first site, from the one-time link. */
export function setupRoutes(app: FastifyInstance, deps: SetupRoutesDeps, done: (err?: Error) => void): void {
  const check = {
    config: {
      openapi: {
        summary: 'Whether a setup link is still valid',
        params: SetupTokenParams,
        response: { 200: SetupTokenState },
      },
    },
  } as const;
  app.get('/api/setup/:token', check, async (req): Promise<SetupTokenState> => {
    const { token } = parse(SetupTokenParams, req.params);
    return { valid: await deps.firstRun.tokenValid(token) };
  });

  /** Creates the owner and the first site, and signs the owner in. */
  const setup = {
    config: {
      openapi: {
        summary: 'The first run: creates the owner and the first site, and signs the owner in',
        body: SetupBody,
        response: { 200: SiteCreated },
      },
    },
  } as const;
  app.post('/api/setup', setup, async (req, reply): Promise<SiteCreated> => {
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
  const add = {
    config: {
      role: 'agent',
      openapi: {
        summary: 'Adds a site; its creator is its admin',
        description: 'Only someone who is an admin of a site already may add one.',
        body: SiteCreate,
        response: { 200: SiteCreated },
      },
    },
  } as const;
  app.post('/api/sites', add, async (req): Promise<SiteCreated> => {
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
  const rotate = {
    config: {
      role: 'admin',
      site: 'body',
      openapi: {
        summary: 'A new public key; the old snippet stops working',
        body: SiteRef,
        response: { 200: SiteCreated },
      },
    },
  } as const;
  app.post('/api/sites/key/rotate', rotate, async (req): Promise<SiteCreated> => {
    const { siteId } = parse(SiteRef, req.body);
    const site = await deps.sites.get(siteId);
    if (!site) throw new CascadeError('not_found', 'no such site');
    return created(deps.publicUrl, await rotatePublicKey(deps.redis, deps.keys, deps.sites, site));
  });

  /** Removes the site with everything it holds, once its name has been typed again. */
  const remove = {
    config: {
      role: 'admin',
      site: 'body',
      openapi: { summary: 'Removes the site and everything it holds', body: SiteRemove, response: { 204: null } },
    },
  } as const;
  app.post('/api/sites/remove', remove, async (req, reply) => {
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
    {
      config: {
        role: 'supervisor',
        site: 'query',
        openapi: {
          summary: 'Whether the widget has connected from an allowed origin, and where it was refused',
          query: SiteQuery,
          response: { 200: Installation },
        },
      },
    },
    async (req): Promise<Installation> => {
      const { siteId } = parse(SiteQuery, req.query);
      return deps.origins.read(siteId);
    },
  );
  done();
}

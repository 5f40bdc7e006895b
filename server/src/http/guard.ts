import { CascadeError, SiteQuery, type Agent, type Membership, type Role } from '@cascade/shared';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { SESSION_COOKIE, readCookie } from '../auth/cookies.ts';
import type { AgentStore } from '../store/agents.ts';
import type { Session, SessionStore } from '../store/sessions.ts';
import { requireRole } from './access.ts';
import { parse } from './parse.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The least role the caller needs. `agent` alone means "any signed-in agent": the route
     * then scopes what it shows by the agent's memberships. Any other role needs `site`.
     */
    role?: Role;
    /** Where the request names its site (`siteId`); the caller's role is checked there. */
    site?: 'query' | 'body';
    /** The site may be left out: then the route decides which of the agent's sites it means. */
    siteOptional?: true;
    /**
     * Open to a person who must still turn on two-step sign-in for a site that requires it:
     * the few routes that let them read themselves, leave, and set it up. Every other route
     * refuses them with `second_factor_setup_required`.
     */
    beforeSecondFactor?: true;
    /** A read that the audit log keeps all the same: an export of what the site holds. */
    audit?: true;
  }
  interface FastifyRequest {
    /** The signed-in agent; set on every route under the guard. */
    agent: Agent;
    session: Session;
    /** The caller's membership of the site the route names, when it names one. */
    member: Membership | null;
  }
}

/** Who a request comes from: a signed-in person, or an API token acting for its site. */
export type Caller = { agent: Agent; session: Session };

export type GuardDeps = {
  sessions: SessionStore;
  agents: AgentStore;
  /** An API token's caller when the request carries `Authorization: Bearer`; null without one. */
  bearer?: (req: FastifyRequest) => Promise<Caller | null>;
  /** Whether a site of the agent requires two-step sign-in that the agent has not turned on yet. */
  secondFactorPending?: (agent: Agent) => Promise<boolean>;
};

/**
 * Resolves an API token or the session cookie to its caller; with the cookie, state-changing
 * calls also need the CSRF header.
 */
async function authenticate(deps: GuardDeps, req: FastifyRequest): Promise<Caller & { viaToken?: true }> {
  const viaToken = await deps.bearer?.(req);
  if (viaToken) return { ...viaToken, viaToken: true };
  const sid = readCookie(req.headers.cookie, SESSION_COOKIE);
  const session = sid ? await deps.sessions.get(sid) : null;
  const agent = session ? await deps.agents.get(session.agentId) : null;
  if (!session || !agent || !agent.active) throw new CascadeError('unauthorized', 'log in first');
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.headers['x-cascade-csrf'] !== session.csrfToken) {
    throw new CascadeError('forbidden', 'missing or wrong X-Cascade-CSRF header');
  }
  return { agent, session };
}

/** The caller's membership of the site the route names, checked against the role it needs. */
function memberFor(req: FastifyRequest): Membership | null {
  const { role, site, siteOptional } = req.routeOptions.config;
  if (!role || !site) return null;
  const part = site === 'query' ? req.query : req.body;
  if (siteOptional && (part as { siteId?: unknown } | null | undefined)?.siteId === undefined) return null;
  const { siteId } = parse(SiteQuery, part);
  return requireRole(req.agent, siteId, role);
}

/**
 * Every route registered after this plugin, in the same scope, is for signed-in agents and says
 * in its config which role it needs. Who is asking is settled on request, before the body is read
 * (a stranger cannot make the server parse a large upload); the role on the named site once the
 * body is parsed. A route that names no role is refused at start-up, so none is left open by
 * omission.
 */
export const guard = fp<GuardDeps>(
  (app, deps, done) => {
    app.decorateRequest('agent', null as unknown as Agent);
    app.decorateRequest('session', null as unknown as Session);
    app.decorateRequest('member', null);

    app.addHook('onRoute', (route) => {
      const { role, site } = route.config ?? {};
      if (!role) throw new Error(`${String(route.method)} ${route.url} names no role in its config`);
      if (role !== 'agent' && !site) throw new Error(`${String(route.method)} ${route.url} needs ${role} on no site`);
    });

    app.addHook('onRequest', async (req) => {
      const { agent, session, viaToken } = await authenticate(deps, req);
      // A site's requirement is about the people who sign in to it; an API token is no person
      // and has no second factor to set up.
      if (!viaToken && !req.routeOptions.config.beforeSecondFactor && (await deps.secondFactorPending?.(agent))) {
        throw new CascadeError(
          'second_factor_setup_required',
          'a site you work on requires two-step sign-in: turn it on first',
        );
      }
      req.agent = agent;
      req.session = session;
    });

    app.addHook('preHandler', (req, _reply, next) => {
      try {
        req.member = memberFor(req);
        next();
      } catch (e) {
        next(e as Error);
      }
    });
    done();
  },
  { name: 'guard' },
);

import { randomBytes } from 'node:crypto';
import { CascadeError, LoginBody, Me, PasswordChange, ProfileUpdate, type Agent } from '@cascade/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sessionCookie } from '../auth/cookies.ts';
import { verifyPassword, type HashPassword } from '../auth/password.ts';
import type { SessionStore, Session } from '../store/sessions.ts';
import type { AgentStore } from '../store/agents.ts';
import type { SiteStore } from '../store/sites.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import type { Connections } from '../io/agent.ts';
import type { Routing } from '../routing/routing.ts';
import { parse } from './parse.ts';

export const SESSION_MAX_AGE = 7 * 24 * 3600;

export type AuthDeps = {
  sessions: SessionStore;
  agents: AgentStore;
  sites: SiteStore;
  secureCookies: boolean;
  rates: RateLimiter;
  login: { maxFailures: number; lockMinutes: number };
  hashPassword: HashPassword;
  /** Ends the agent's live connections everywhere: all, one session's, or all but one session's. */
  disconnect: (agentId: string, which?: Connections) => Promise<void>;
  /** Where the claim script reads each agent's languages. */
  routing: Pick<Routing, 'registerAgent'>;
  /** Checks the second factor of an account whose password was right: fine, missing, or wrong. */
  secondFactor?: (agentId: string, code: string | undefined) => Promise<'ok' | 'missing' | 'wrong'>;
  /** Whether a site of the agent requires two-step sign-in that the agent has not turned on yet. */
  secondFactorPending?: (agent: Agent) => Promise<boolean>;
};
async function me(deps: AuthDeps, agent: Agent, session: Session): Promise<Me> {
  const sites = [];
  for (const m of agent.memberships) {
    const site = await deps.sites.get(m.siteId);
    if (site) {
      const { id, name, assignment, autoAwaySeconds, skillNames = {} } = site;
      sites.push({ id, name, role: m.role, assignment, autoAwaySeconds, skillNames });
    }
  }
  const passwordChangeRequired = await deps.agents.passwordOneTime(agent.id);
  const secondFactorSetupRequired = (await deps.secondFactorPending?.(agent)) ?? false;
  return { agent, sites, csrfToken: session.csrfToken, passwordChangeRequired, secondFactorSetupRequired };
}

/** A 429 that says when to come back, in the header clients read and in words. */
function slowDown(reply: FastifyReply, seconds: number, message: string) {
  return reply
    .status(429)
    .header('retry-after', String(seconds))
    .send({ error: { code: 'rate_limited', message } });
}

/** Signing in: the one REST route of the console that answers without a session. */
export function loginRoutes(app: FastifyInstance, deps: AuthDeps, done: (err?: Error) => void): void {
  const login = {
    config: { openapi: { summary: 'Signs in; sets the session cookie', body: LoginBody, response: { 200: Me } } },
  } as const;
  /** A hash to check against when the email is unknown, so timing does not reveal which accounts exist. */
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= deps.hashPassword(randomBytes(16).toString('hex')));
  app.post('/api/auth/login', login, async (req, reply) => {
    const body = parse(LoginBody, req.body);
    const { maxFailures, lockMinutes } = deps.login;
    // Failures slow down the address that makes them, for that account and (more loosely) for
    // every account, but never lock the account itself: a stranger's guesses must not keep
    // its owner out.
    const pair = `login:${body.email.toLowerCase()}:${req.ip}`;
    const address = `loginip:${req.ip}`;
    const wait = Math.max(await deps.rates.waiting(pair), await deps.rates.waiting(address));
    if (wait > 0) return slowDown(reply, wait, `too many failed logins; try again in ${wait} seconds`);
    const found = await deps.agents.byEmail(body.email);
    const valid = await verifyPassword(found?.passwordHash ?? (await dummy()), body.password);
    const second = found && valid && deps.secondFactor ? await deps.secondFactor(found.agent.id, body.code) : 'ok';
    if (second === 'missing' && found?.agent.active) {
      throw new CascadeError('second_factor_required', 'enter the code from your authenticator app');
    }
    if (!found || !valid || !found.agent.active || second !== 'ok') {
      await Promise.all([
        deps.rates.fail(pair, maxFailures, lockMinutes * 60, lockMinutes * 60),
        deps.rates.fail(address, maxFailures * 10, lockMinutes * 60, lockMinutes * 60),
      ]);
      throw new CascadeError('unauthorized', second === 'wrong' ? 'wrong code' : 'wrong email or password');
    }
    // The address keeps its count: one's own account must not clear guesses at others.
    await deps.rates.reset(pair);
    const session = await deps.sessions.create(found.agent.id);
    reply.header(
      'set-cookie',
      sessionCookie(session.id, { secure: deps.secureCookies, maxAgeSeconds: SESSION_MAX_AGE }),
    );
    return me(deps, found.agent, session);
  });
  done();
}

/** The signed-in agent's own account: who they are, their profile, password and sessions. */
export function accountRoutes(app: FastifyInstance, deps: AuthDeps, done: (err?: Error) => void): void {
  // What a person who must still turn on two-step sign-in may do: see who they are, choose
  // their language, secure their password, and leave.
  const signedIn = { role: 'agent', beforeSecondFactor: true } as const;
  const noContent = { 204: null };

  const whoAmI = {
    config: {
      ...signedIn,
      openapi: { summary: 'The signed-in agent, their sites and CSRF token', response: { 200: Me } },
    },
  } as const;
  app.get('/api/auth/me', whoAmI, async (req) => me(deps, req.agent, req.session));

  /** The person renames themselves, picks their language or the languages they answer in; no admin can do it for them on one site's say. */
  const profile = {
    config: {
      ...signedIn,
      openapi: {
        summary: 'Changes one’s own name, language or the languages one answers in',
        body: ProfileUpdate,
        response: { 200: Me },
      },
    },
  } as const;
  app.patch('/api/auth/me', profile, async (req) => {
    const { agent, session } = req;
    const body = parse(ProfileUpdate, req.body);
    const { languages } = body;
    const next = {
      ...agent,
      name: body.name ?? agent.name,
      locale: body.locale ?? agent.locale,
      memberships: languages ? agent.memberships.map((m) => ({ ...m, languages })) : agent.memberships,
    };
    await deps.agents.save(next);
    // The next claim already prefers the agent for visitors in these languages.
    if (languages) await deps.routing.registerAgent(next);
    return me(deps, next, session);
  });

  const logout = { config: { ...signedIn, openapi: { summary: 'Ends this session', response: noContent } } } as const;
  app.post('/api/auth/logout', logout, async (req, reply) => {
    const { session } = req;
    await deps.sessions.destroy(session.id);
    await deps.disconnect(session.agentId, { only: session.id });
    reply.header('set-cookie', sessionCookie('', { secure: deps.secureCookies, maxAgeSeconds: 0 }));
    return reply.status(204).send();
  });

  /**
   * An agent changes their own password. The current one is checked; wrong tries slow down
   * this session only (as at login, with growing delays), so failed logins from anywhere never
   * keep a signed-in person from changing it. The agent's other sessions end, this one stays.
   */
  const password = {
    config: {
      ...signedIn,
      openapi: {
        summary: 'Changes one’s own password; other sessions end',
        body: PasswordChange,
        response: noContent,
      },
    },
  } as const;
  app.post('/api/auth/password', password, async (req, reply) => {
    const { agent, session } = req;
    const body = parse(PasswordChange, req.body);
    const { maxFailures, lockMinutes } = deps.login;
    const tries = `password:${session.id}`;
    const wait = await deps.rates.waiting(tries);
    if (wait > 0) return slowDown(reply, wait, `too many wrong passwords; try again in ${wait} seconds`);
    const hash = await deps.agents.passwordHash(agent.id);
    if (!hash || !(await verifyPassword(hash, body.current))) {
      await deps.rates.fail(tries, maxFailures, lockMinutes * 60, lockMinutes * 60);
      throw new CascadeError('invalid_payload', 'current: this is not your current password');
    }
    // A one-time password kept as it is would stay known to whoever chose it.
    if (body.next === body.current) {
      throw new CascadeError('invalid_payload', 'next: choose a password different from the current one');
    }
    await deps.agents.setPasswordHash(agent.id, await deps.hashPassword(body.next));
    await deps.rates.reset(tries);
    await deps.sessions.destroyAll(agent.id, session.id);
    await deps.disconnect(agent.id, { except: session.id });
    return reply.status(204).send();
  });

  /** Ends every session of the agent, on every device, and drops their live connections. */
  const everywhere = {
    config: { ...signedIn, openapi: { summary: 'Ends every session of the agent', response: noContent } },
  } as const;
  app.post('/api/auth/logout-everywhere', everywhere, async (req, reply) => {
    const { agent } = req;
    await deps.sessions.destroyAll(agent.id);
    await deps.disconnect(agent.id);
    reply.header('set-cookie', sessionCookie('', { secure: deps.secureCookies, maxAgeSeconds: 0 }));
    return reply.status(204).send();
  });
  done();
}

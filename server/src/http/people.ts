import { randomUUID } from 'node:crypto';
import {
  CascadeError,
  ForgotAnswer,
  ForgotPassword,
  InvitationAccepted,
  InvitationJoin,
  InvitationParams,
  InvitationPreview,
  InvitationSent,
  InviteBody,
  LinkToken,
  PasswordReset,
  PendingInvitations,
  SiteQuery,
  type Agent,
  type Membership,
  type PendingInvitation,
  type Site,
} from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AccountMail, AccountMailer } from '../auth/account-mail.ts';
import { sessionCookie } from '../auth/cookies.ts';
import { digest, newLinkToken, takeIfEquals } from '../auth/link-token.ts';
import type { HashPassword } from '../auth/password.ts';
import type { Log } from '../log.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { Routing } from '../routing/routing.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import type { AgentStore } from '../store/agents.ts';
import type { InvitationStore, StoredInvitation } from '../store/invitations.ts';
import type { SessionStore } from '../store/sessions.ts';
import type { SiteStore } from '../store/sites.ts';
import { SESSION_MAX_AGE } from './auth.ts';
import { parse } from './parse.ts';

export const RESET_TTL_SECONDS = 3600;

export type PeopleDeps = {
  redis: Redis;
  keys: Keys;
  agents: AgentStore;
  invitations: InvitationStore;
  sessions: SessionStore;
  sites: SiteStore;
  routing: Routing;
  rates: RateLimiter;
  /** Null without SMTP_URL: invitation links are then shown to the admin instead. */
  mailer: AccountMailer | null;
  log: Log;
  publicUrl: string;
  secureCookies: boolean;
  resetsPerHour: number;
  disconnect: (agentId: string) => Promise<void>;
  hashPassword: HashPassword;
};

/** The invitation's secret, as the link carries it. */
const InvitationCodeParams = z.object({ code: LinkToken });

const gone = () => new CascadeError('not_found', 'no such invitation, or it has expired or been used');

/** Sends an account email; false when there is no mailer or it failed (the link is then shown instead). */
function accountMail(deps: PeopleDeps) {
  return async function send(to: string, locale: Agent['locale'], mail: AccountMail): Promise<boolean> {
    if (!deps.mailer) return false;
    try {
      await deps.mailer(to, locale, mail);
      return true;
    } catch (e) {
      deps.log.warn({ err: e instanceof Error ? e.message : e }, 'account email not sent');
      return false;
    }
  };
}

/**
 * A site's admins invite people by email (a new person creates their account from the link; an
 * existing one accepts after logging in). The link's secret is stored only as its SHA-256.
 */
export function invitationAdminRoutes(app: FastifyInstance, deps: PeopleDeps, done: (err?: Error) => void): void {
  const send = accountMail(deps);
  const link = (invite: Pick<StoredInvitation, 'agentId'>, code: string) =>
    `${deps.publicUrl}/console/#${invite.agentId ? 'join' : 'invite'}/${code}`;

  async function invite(
    site: Site,
    inviter: Agent,
    data: Omit<StoredInvitation, 'expiresAt' | 'invitedBy'>,
  ): Promise<InvitationSent> {
    const { code, id, expiresAt } = await deps.invitations.create({ ...data, invitedBy: inviter.id });
    const url = link(data, code);
    const emailed = await send(data.email ?? '', site.defaultLocale, {
      kind: 'invitation',
      site: site.name,
      inviter: inviter.name,
      link: url,
      existingAccount: data.agentId !== null,
    });
    const invitation: PendingInvitation = {
      id,
      email: data.email ?? '',
      role: data.membership.role,
      level: data.level ?? 1,
      invitedBy: inviter.id,
      expiresAt,
      existingAccount: data.agentId !== null,
    };
    // Only a link that did not go out by email is shown: otherwise it stays in the invitee's mailbox.
    return { invitation, emailed, link: emailed ? null : url };
  }

  async function siteOf(siteId: string): Promise<Site> {
    const site = await deps.sites.get(siteId);
    if (!site) throw new CascadeError('not_found', 'no such site');
    return site;
  }
  const adminByQuery = { role: 'admin', site: 'query' } as const;
  const adminByBody = { role: 'admin', site: 'body' } as const;

  const list = {
    config: {
      ...adminByQuery,
      openapi: { summary: 'The site’s pending invitations', query: SiteQuery, response: { 200: PendingInvitations } },
    },
  } as const;
  app.get('/api/invitations', list, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    return { invitations: await deps.invitations.ofSite(siteId) };
  });

  const create = {
    config: {
      ...adminByBody,
      openapi: {
        summary: 'Invites a person by email; without SMTP the link is in the answer',
        body: InviteBody,
        response: { 200: InvitationSent },
      },
    },
  } as const;
  app.post('/api/invitations', create, async (req): Promise<InvitationSent> => {
    const body = parse(InviteBody, req.body);
    const { agent } = req;
    const site = await siteOf(body.siteId);
    const membership: Membership = {
      siteId: site.id,
      role: body.role,
      skills: site.skills.map((skill) => ({ skill, level: body.level })),
      maxChats: null,
    };
    const existingId = await deps.agents.idByEmail(body.email);
    if (existingId) {
      const existing = await deps.agents.get(existingId);
      if (existing?.memberships.some((m) => m.siteId === site.id)) {
        throw new CascadeError('conflict', 'this person is already on the site');
      }
    }
    return invite(site, agent, { agentId: existingId, email: body.email, level: body.level, membership });
  });

  /** A new link replaces the old one, which stops working; the email goes out again. */
  const resend = {
    config: {
      ...adminByBody,
      openapi: {
        summary: 'A new link for an invitation; the old one stops working',
        params: InvitationParams,
        body: SiteQuery,
        response: { 200: InvitationSent },
      },
    },
  } as const;
  app.post('/api/invitations/:id/resend', resend, async (req): Promise<InvitationSent> => {
    const { id } = parse(InvitationParams, req.params);
    const { siteId } = parse(SiteQuery, req.body);
    const site = await siteOf(siteId);
    const old = await deps.invitations.byId(siteId, id);
    if (!old?.email) throw gone();
    await deps.invitations.revoke(siteId, id);
    const { agentId, email, level, membership } = old;
    return invite(site, req.agent, { agentId, email, level, membership });
  });

  const revoke = {
    config: {
      ...adminByQuery,
      openapi: {
        summary: 'Revokes an invitation',
        params: InvitationParams,
        query: SiteQuery,
        response: { 204: null },
      },
    },
  } as const;
  app.delete('/api/invitations/:id', revoke, async (req, reply) => {
    const { id } = parse(InvitationParams, req.params);
    const { siteId } = parse(SiteQuery, req.query);
    if (!(await deps.invitations.revoke(siteId, id))) throw gone();
    return reply.status(204).send();
  });

  done();
}

/**
 * What a link's holder does without a session: look at an invitation and take it as a new
 * person, ask for a password reset link ("forgot password") and use it.
 */
export function linkRoutes(app: FastifyInstance, deps: PeopleDeps, done: (err?: Error) => void): void {
  const send = accountMail(deps);

  /** What the link's holder is invited to: this one site and role, nothing else about anyone. */
  const preview = {
    config: {
      openapi: {
        summary: 'What an invitation link offers: one site and role',
        params: InvitationCodeParams,
        response: { 200: InvitationPreview },
      },
    },
  } as const;
  app.get('/api/invitations/preview/:code', preview, async (req): Promise<InvitationPreview> => {
    const { code } = parse(InvitationCodeParams, req.params);
    const found = await deps.invitations.peek(code);
    const site = found ? await deps.sites.get(found.membership.siteId) : null;
    if (!found || !site) throw gone();
    return {
      site: site.name,
      email: found.email ?? '',
      role: found.membership.role,
      existingAccount: !!found.agentId,
    };
  });

  /** A new person takes the invitation: their account, their password, this one site; and they are signed in. */
  const join = {
    config: {
      openapi: {
        summary: 'A new person takes an invitation: their account, this site; and signs in',
        body: InvitationJoin,
        response: { 200: InvitationAccepted },
      },
    },
  } as const;
  app.post('/api/invitations/join', join, async (req, reply) => {
    const body = parse(InvitationJoin, req.body);
    const found = await deps.invitations.peek(body.code);
    if (!found?.email || found.agentId) throw gone();
    const { siteId } = found.membership;
    const [site, inviter] = await Promise.all([deps.sites.get(siteId), deps.agents.get(found.invitedBy)]);
    const stillAdmin = inviter?.active && inviter.memberships.some((m) => m.siteId === siteId && m.role === 'admin');
    if (!site || !stillAdmin) {
      await deps.invitations.consume(body.code);
      throw gone();
    }
    if (await deps.agents.idByEmail(found.email)) {
      throw new CascadeError('conflict', 'this email has an account now: log in and accept the invitation there');
    }
    if (!(await deps.invitations.consume(body.code))) throw gone();
    const agent: Agent = {
      id: randomUUID().replace(/-/g, ''),
      email: found.email,
      name: body.name,
      locale: site.defaultLocale,
      avatarUrl: null,
      active: true,
      memberships: [found.membership],
      createdAt: Date.now(),
    };
    const hash = await deps.hashPassword(body.password);
    if (!(await deps.agents.create(agent, hash))) {
      throw new CascadeError('conflict', 'this email has an account now: log in and accept the invitation there');
    }
    // The person chose this password themselves.
    await deps.agents.setPasswordHash(agent.id, hash);
    await deps.routing.registerAgent(agent);
    const session = await deps.sessions.create(agent.id);
    reply.header(
      'set-cookie',
      sessionCookie(session.id, { secure: deps.secureCookies, maxAgeSeconds: SESSION_MAX_AGE }),
    );
    return { site: { id: site.id, name: site.name, role: found.membership.role } };
  });

  /**
   * Sends a reset link when the email has an account. The answer is the same either way, and
   * is given before any email is sent, so neither its words nor its timing tell who has one.
   */
  const forgot = {
    config: {
      openapi: {
        summary: 'Emails a password reset link, if the email has an account',
        description: 'The answer is the same whether the email has an account or not.',
        body: ForgotPassword,
        response: { 202: ForgotAnswer },
      },
    },
  } as const;
  app.post('/api/auth/forgot', forgot, async (req, reply) => {
    const { email } = parse(ForgotPassword, req.body);
    const perHour = deps.resetsPerHour;
    await deps.rates.check(`pwforgot:${req.ip}`, perHour * 10, 3600, 'too many reset requests; try again in an hour');
    await deps.rates.check(
      `pwforgot:${email.toLowerCase()}`,
      perHour,
      3600,
      'too many reset requests for this email; try again in an hour',
    );
    void (async () => {
      const found = await deps.agents.byEmail(email);
      if (!found?.agent.active) return;
      if (!deps.mailer) {
        deps.log.warn({}, 'a password reset was asked for, but SMTP_URL is not set: use `pnpm cascade reset-password`');
        return;
      }
      const token = newLinkToken();
      await deps.redis.set(deps.keys.passwordReset(digest(token)), found.agent.id, {
        expiration: { type: 'EX', value: RESET_TTL_SECONDS },
      });
      await send(found.agent.email, found.agent.locale, {
        kind: 'reset',
        link: `${deps.publicUrl}/console/#reset/${token}`,
      });
    })().catch((e: unknown) => deps.log.error({ err: e }, 'password reset email failed'));
    return reply.status(202).send({ message: 'if an account has this email, a reset link is on its way' });
  });

  /** Sets the new password from a reset link, once; every session of the account ends. */
  const reset = {
    config: {
      openapi: {
        summary: 'Sets a new password from a reset link; every session ends',
        body: PasswordReset,
        response: { 204: null },
      },
    },
  } as const;
  app.post('/api/auth/reset', reset, async (req, reply) => {
    const body = parse(PasswordReset, req.body);
    const key = deps.keys.passwordReset(digest(body.token));
    const agentId = await deps.redis.get(key);
    if (!agentId || !(await takeIfEquals(deps.redis, key, agentId))) {
      throw new CascadeError('not_found', 'this reset link has expired or has been used; ask for a new one');
    }
    await deps.agents.setPasswordHash(agentId, await deps.hashPassword(body.password));
    await deps.sessions.destroyAll(agentId);
    await deps.disconnect(agentId);
    return reply.status(204).send();
  });
  done();
}

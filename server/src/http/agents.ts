import { randomBytes, randomUUID } from 'node:crypto';
import {
  AgentAnswer,
  AgentCreate,
  AgentCreated,
  AgentList,
  AgentParams,
  AgentUpdate,
  CascadeError,
  PasswordIssued,
  SiteQuery,
  type Agent,
  type Membership,
} from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { HashPassword } from '../auth/password.ts';
import type { AgentStore } from '../store/agents.ts';
import type { InvitationStore } from '../store/invitations.ts';
import type { SessionStore } from '../store/sessions.ts';
import type { Routing } from '../routing/routing.ts';
import { memberOf, requirePersonRights, siteView } from './access.ts';
import { parse } from './parse.ts';

export type AgentRoutesDeps = {
  agents: AgentStore;
  invitations: InvitationStore;
  sessions: SessionStore;
  routing: Routing;
  /** Ends the agent's live connections, which then come back with the changed record. */
  disconnect: (agentId: string) => Promise<void>;
  /** Puts the agent's open chats on the site back in line. */
  handBack: (siteId: string, agentId: string) => Promise<void>;
  /** Where invitation links point: the console of this installation. */
  publicUrl: string;
  hashPassword: HashPassword;
};

const onePassword = () => randomBytes(12).toString('base64url');

/**
 * Members of a site. An admin adds people (a new account gets a one-time password; an existing
 * one gets an invitation it must accept), sets their role, skills and cap here, and removes
 * them from this site. What belongs to the person (name, password, active state) only they,
 * or an admin of all their sites, may change.
 */
export function agentRoutes(app: FastifyInstance, deps: AgentRoutesDeps, done: (err?: Error) => void): void {
  const list = {
    config: {
      role: 'supervisor',
      site: 'query',
      openapi: { summary: 'The site’s members', query: SiteQuery, response: { 200: AgentList } },
    },
  } as const;
  app.get('/api/agents', list, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    return { agents: (await deps.agents.ofSite(siteId)).map((a) => siteView(a, siteId)) };
  });

  const one = {
    config: {
      role: 'supervisor',
      site: 'query',
      openapi: {
        summary: 'One member of the site',
        params: AgentParams,
        query: SiteQuery,
        response: { 200: AgentAnswer },
      },
    },
  } as const;
  app.get('/api/agents/:agentId', one, async (req) => {
    const { agentId } = parse(AgentParams, req.params);
    const { siteId } = parse(SiteQuery, req.query);
    return { agent: siteView(memberOf(await deps.agents.get(agentId), siteId), siteId) };
  });

  const add = {
    config: {
      role: 'admin',
      site: 'body',
      openapi: {
        summary: 'Adds a person to the site',
        description:
          'A new email gets an account and a one-time password; an email that has an account gets an invitation that person accepts.',
        body: AgentCreate,
        response: { 200: AgentCreated },
      },
    },
  } as const;
  app.post('/api/agents', add, async (req): Promise<AgentCreated> => {
    const { agent } = req;
    const body = parse(AgentCreate, req.body);
    const membership: Membership = {
      siteId: body.siteId,
      role: body.role,
      skills: body.skills,
      maxChats: body.maxChats,
      ...(body.languages ? { languages: body.languages } : {}),
    };
    const existingId = await deps.agents.idByEmail(body.email);
    if (existingId === null) {
      const password = onePassword();
      const created: Agent = {
        id: randomUUID().replace(/-/g, ''),
        email: body.email,
        name: body.name,
        locale: body.locale,
        avatarUrl: null,
        active: true,
        memberships: [membership],
        createdAt: Date.now(),
      };
      if (await deps.agents.create(created, await deps.hashPassword(password))) {
        await deps.routing.registerAgent(created);
        return { agent: created, password };
      }
    }
    // The email has an account (perhaps created a moment ago by another admin): it is the
    // person's, so they decide whether to join. Nothing about their other sites is told.
    const id = existingId ?? (await deps.agents.idByEmail(body.email));
    if (!id) throw new CascadeError('conflict', 'the account changed meanwhile; try again');
    const existing = await deps.agents.get(id);
    if (existing?.memberships.some((m) => m.siteId === body.siteId))
      throw new CascadeError('conflict', 'this agent is already on the site');
    const { code, expiresAt } = await deps.invitations.create({ agentId: id, membership, invitedBy: agent.id });
    return { invitation: { code, link: `${deps.publicUrl}/console/#join/${code}`, expiresAt } };
  });

  const update = {
    config: {
      role: 'admin',
      site: 'body',
      openapi: {
        summary:
          'Changes a member’s role, skills, cap, languages, or (with rights over the person) name, language and active state',
        params: AgentParams,
        body: AgentUpdate,
        response: { 200: AgentAnswer },
      },
    },
  } as const;
  app.patch('/api/agents/:agentId', update, async (req) => {
    const { agent } = req;
    const { agentId } = parse(AgentParams, req.params);
    const body = parse(AgentUpdate, req.body);
    const target = memberOf(await deps.agents.get(agentId), body.siteId);
    if (target.id === agent.id && (body.active === false || (body.role && body.role !== 'admin'))) {
      throw new CascadeError('invalid_state', 'you cannot deactivate yourself or drop your own admin role');
    }
    const personal =
      (body.name !== undefined && body.name !== target.name) ||
      (body.locale !== undefined && body.locale !== target.locale) ||
      (body.active !== undefined && body.active !== target.active);
    if (personal) requirePersonRights(agent, target);
    const next: Agent = {
      ...target,
      name: body.name ?? target.name,
      locale: body.locale ?? target.locale,
      active: body.active ?? target.active,
      memberships: target.memberships.map((m) =>
        m.siteId !== body.siteId
          ? m
          : {
              ...m,
              role: body.role ?? m.role,
              skills: body.skills ?? m.skills,
              maxChats: body.maxChats === undefined ? m.maxChats : body.maxChats,
              ...(body.languages ? { languages: body.languages } : {}),
            },
      ),
    };
    await deps.agents.save(next);
    await deps.routing.registerAgent(next);
    if (!next.active) for (const m of next.memberships) await deps.routing.setOffline(m.siteId, next.id);
    await deps.disconnect(next.id);
    return { agent: siteView(next, body.siteId) };
  });

  /** Removes the person from this site only; their open chats here go back in line. */
  const remove = {
    config: {
      role: 'admin',
      site: 'query',
      openapi: {
        summary: 'Removes the person from this site',
        params: AgentParams,
        query: SiteQuery,
        response: { 204: null },
      },
    },
  } as const;
  app.delete('/api/agents/:agentId', remove, async (req, reply) => {
    const { agent } = req;
    const { agentId } = parse(AgentParams, req.params);
    const { siteId } = parse(SiteQuery, req.query);
    const target = memberOf(await deps.agents.get(agentId), siteId);
    if (target.id === agent.id) throw new CascadeError('invalid_state', 'you cannot remove yourself from the site');
    await deps.agents.removeMembership(target, siteId);
    await deps.routing.setOffline(siteId, target.id);
    await deps.handBack(siteId, target.id);
    await deps.disconnect(target.id);
    return reply.status(204).send();
  });

  /** A new one-time password for the person; their sessions end everywhere. */
  app.post(
    '/api/agents/:agentId/password-reset',
    {
      config: {
        role: 'admin',
        site: 'body',
        openapi: {
          summary: 'A new one-time password for the person; their sessions end',
          params: AgentParams,
          body: SiteQuery,
          response: { 200: PasswordIssued },
        },
      },
    },
    async (req): Promise<PasswordIssued> => {
      const { agent } = req;
      const { agentId } = parse(AgentParams, req.params);
      const { siteId } = parse(SiteQuery, req.body);
      const target = memberOf(await deps.agents.get(agentId), siteId);
      requirePersonRights(agent, target);
      const password = onePassword();
      await deps.agents.setPasswordHash(target.id, await deps.hashPassword(password), true);
      await deps.sessions.destroyAll(target.id);
      await deps.disconnect(target.id);
      return { password };
    },
  );
  done();
}

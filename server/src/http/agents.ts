import { randomBytes, randomUUID } from 'node:crypto';
import { AgentCreate, AgentParams, AgentUpdate, CascadeError, SiteQuery, type Agent } from '@cascade/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hashPassword } from '../auth/password.ts';
import type { AgentStore } from '../store/agents.ts';
import type { Routing } from '../routing/routing.ts';
import { requireRole } from './access.ts';
import type { Authed } from './auth.ts';
import { parse } from './parse.ts';

/** Agents of a site: admins create them (a first password is shown once) and set skills, caps and roles. */
export function agentRoutes(
  app: FastifyInstance,
  deps: {
    agents: AgentStore;
    routing: Routing;
    authed: (req: FastifyRequest) => Promise<Authed>;
    /** Ends the agent's live connections, which then come back with the changed record. */
    disconnect: (agentId: string) => Promise<void>;
  },
) {
  app.get('/api/agents', async (req) => {
    const { agent } = await deps.authed(req);
    const { siteId } = parse(SiteQuery, req.query);
    requireRole(agent, siteId, 'supervisor');
    return { agents: await deps.agents.ofSite(siteId) };
  });

  app.post('/api/agents', async (req) => {
    const { agent } = await deps.authed(req);
    const body = parse(AgentCreate, req.body);
    requireRole(agent, body.siteId, 'admin');
    const existing = await deps.agents.byEmail(body.email);
    const membership = { siteId: body.siteId, role: body.role, skills: body.skills, maxChats: body.maxChats };
    if (existing) {
      if (existing.agent.memberships.some((m) => m.siteId === body.siteId))
        throw new CascadeError('conflict', 'this agent is already on the site');
      const joined: Agent = { ...existing.agent, memberships: [...existing.agent.memberships, membership] };
      await deps.agents.save(joined);
      await deps.routing.registerAgent(joined);
      await deps.disconnect(joined.id);
      return { agent: joined, password: null };
    }
    const password = randomBytes(12).toString('base64url');
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
    await deps.agents.save(created, await hashPassword(password));
    await deps.routing.registerAgent(created);
    return { agent: created, password };
  });

  app.patch('/api/agents/:agentId', async (req) => {
    const { agent } = await deps.authed(req);
    const { agentId } = parse(AgentParams, req.params);
    const body = parse(AgentUpdate, req.body);
    requireRole(agent, body.siteId, 'admin');
    const target = await deps.agents.get(agentId);
    if (!target || !target.memberships.some((m) => m.siteId === body.siteId))
      throw new CascadeError('not_found', 'no such agent');
    if (target.id === agent.id && (body.active === false || (body.role && body.role !== 'admin'))) {
      throw new CascadeError('invalid_state', 'you cannot deactivate yourself or drop your own admin role');
    }
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
            },
      ),
    };
    await deps.agents.save(next);
    await deps.routing.registerAgent(next);
    if (!next.active) for (const m of next.memberships) await deps.routing.setOffline(m.siteId, next.id);
    await deps.disconnect(next.id);
    return { agent: next };
  });
}

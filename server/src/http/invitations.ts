import { CascadeError, InvitationAccept, InvitationAccepted } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { AgentStore } from '../store/agents.ts';
import type { InvitationStore } from '../store/invitations.ts';
import type { SiteStore } from '../store/sites.ts';
import type { Routing } from '../routing/routing.ts';
import { parse } from './parse.ts';

export type InvitationDeps = {
  agents: AgentStore;
  invitations: InvitationStore;
  sites: SiteStore;
  routing: Routing;
  disconnect: (agentId: string) => Promise<void>;
};

const gone = () => new CascadeError('not_found', 'no such invitation, or it has expired or been used');

/** The invited person, signed in as themselves, joins the site with the role they were invited to. */
export function invitationRoutes(app: FastifyInstance, deps: InvitationDeps, done: (err?: Error) => void): void {
  const accept = {
    config: {
      role: 'agent',
      openapi: {
        summary: 'The signed-in person joins the site they were invited to',
        body: InvitationAccept,
        response: { 200: InvitationAccepted },
      },
    },
  } as const;
  app.post('/api/invitations/accept', accept, async (req): Promise<InvitationAccepted> => {
    const { agent } = req;
    const { code } = parse(InvitationAccept, req.body);
    const invite = await deps.invitations.peek(code);
    // Another account's invitation looks like none: it stays usable by the person it was meant for.
    if (!invite || invite.agentId !== agent.id) throw gone();
    // A password someone else chose (a first or reset one) must not carry the account into a new site.
    if (await deps.agents.passwordOneTime(agent.id)) {
      throw new CascadeError('forbidden', 'choose your own password before you join another site');
    }
    const { siteId } = invite.membership;
    const [site, inviter] = await Promise.all([deps.sites.get(siteId), deps.agents.get(invite.invitedBy)]);
    // An admin who lost the role (or the site itself) no longer vouches for what they offered.
    const stillAdmin = inviter?.active && inviter.memberships.some((m) => m.siteId === siteId && m.role === 'admin');
    if (!site || !stillAdmin) {
      await deps.invitations.consume(code);
      throw gone();
    }
    if (!(await deps.invitations.consume(code))) throw gone();
    const current = await deps.agents.get(agent.id);
    if (!current) throw new CascadeError('unauthorized', 'log in first');
    if (current.memberships.some((m) => m.siteId === siteId)) {
      throw new CascadeError('conflict', 'you are already on this site');
    }
    const joined = { ...current, memberships: [...current.memberships, invite.membership] };
    await deps.agents.save(joined);
    await deps.routing.registerAgent(joined);
    await deps.disconnect(agent.id);
    return { site: { id: site.id, name: site.name, role: invite.membership.role } };
  });
  done();
}

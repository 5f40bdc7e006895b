import { CascadeError, type Agent, type Membership, type Role } from '@cascade/shared';

const rank: Record<Role, number> = { agent: 0, supervisor: 1, admin: 2 };

/**
 * The agent's membership of a site, if their role there is at least `least`. A site they do
 * not belong to is "not found", so ids cannot be probed.
 */
export function requireRole(agent: Agent, siteId: string, least: Role): Membership {
  const m = agent.memberships.find((x) => x.siteId === siteId);
  if (!m) throw new CascadeError('not_found', 'no such site');
  if (rank[m.role] < rank[least]) throw new CascadeError('forbidden', `this needs the ${least} role on the site`);
  return m;
}

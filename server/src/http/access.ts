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

/** The account, if it is a member of the site; otherwise "not found", as for an id that does not exist. */
export function memberOf(target: Agent | null, siteId: string): Agent {
  if (!target?.memberships.some((m) => m.siteId === siteId)) throw new CascadeError('not_found', 'no such agent');
  return target;
}

/**
 * Name, password, active state and sessions belong to the person: only they, or someone who is
 * an admin of every site they belong to, may change them. One site's admin must not reach the
 * person's standing on another site.
 */
export function requirePersonRights(actor: Agent, target: Agent): void {
  if (actor.id === target.id) return;
  const runsAll =
    target.memberships.length > 0 &&
    target.memberships.every((m) => actor.memberships.some((x) => x.siteId === m.siteId && x.role === 'admin'));
  if (!runsAll) {
    throw new CascadeError(
      'forbidden',
      'this account also belongs to other sites: only its owner or an admin of all of them can change it',
    );
  }
}

/** The account as one site sees it: its membership there, none of its other sites or roles. */
export function siteView(agent: Agent, siteId: string): Agent {
  return { ...agent, memberships: agent.memberships.filter((m) => m.siteId === siteId) };
}

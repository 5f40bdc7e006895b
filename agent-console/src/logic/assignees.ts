import type { Agent, Me, Role } from '@cascade/shared';
import { hasRole } from './sites.ts';

/** A choice in a ticket's assignee picker; `name` is null for an agent the viewer cannot list. */
export interface AssigneeChoice {
  id: string;
  name: string | null;
}

/** The viewer's role on a site, or null when they do not belong to it. */
export function roleOn(me: Me, siteId: string): Role | null {
  return me.sites.find((s) => s.id === siteId)?.role ?? null;
}

/** Supervisors and admins may give a ticket to anyone on the site; an agent only takes it. */
export function canAssignOthers(me: Me, siteId: string): boolean {
  const role = roleOn(me, siteId);
  return role !== null && hasRole(role, 'supervisor');
}

/**
 * Whom a ticket can be given to: the site's active agents when the viewer may list them,
 * else the viewer; the current assignee is always kept so the picker can show it.
 */
export function assigneeChoices(me: Me, current: string | null, agents: readonly Agent[] | null): AssigneeChoice[] {
  const choices: AssigneeChoice[] = agents
    ? agents.filter((a) => a.active).map((a) => ({ id: a.id, name: a.name }))
    : [{ id: me.agent.id, name: me.agent.name }];
  if (current && !choices.some((c) => c.id === current)) {
    const known = agents?.find((a) => a.id === current);
    choices.push({ id: current, name: known?.name ?? (current === me.agent.id ? me.agent.name : null) });
  }
  return choices;
}

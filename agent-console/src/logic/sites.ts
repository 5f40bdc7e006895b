import type { Me, Role } from '@cascade/shared';
import type { Route } from './route.ts';

export type SiteRef = Me['sites'][number];

/** A part of the console in the header's navigation. */
export type Section =
  'chats' | 'tickets' | 'conversations' | 'supervise' | 'dashboard' | 'missed' | 'kb' | 'settings' | 'agents' | 'audit';

const rank: Record<Role, number> = { agent: 0, supervisor: 1, admin: 2 };

/** The least role on the chosen site that a section needs; the server checks the same. */
const needs: Record<Section, Role> = {
  chats: 'agent',
  tickets: 'agent',
  conversations: 'agent',
  supervise: 'supervisor',
  dashboard: 'supervisor',
  missed: 'supervisor',
  kb: 'admin',
  settings: 'admin',
  agents: 'admin',
  audit: 'admin',
};

const order: readonly Section[] = [
  'chats',
  'tickets',
  'conversations',
  'supervise',
  'dashboard',
  'missed',
  'kb',
  'settings',
  'agents',
  'audit',
];

export function hasRole(role: Role, least: Role): boolean {
  return rank[role] >= rank[least];
}

export function neededRole(section: Section): Role {
  return needs[section];
}

/** The sections an agent with this role on the chosen site can open, in header order. */
export function sectionsFor(role: Role): Section[] {
  return order.filter((s) => hasRole(role, needs[s]));
}

export function sectionOf(route: Route): Section {
  if (route.view === 'ticket') return 'tickets';
  if (route.view === 'conversation') return 'conversations';
  if (route.view === 'monitor') return 'supervise';
  return route.view;
}

/**
 * The site the supervisor and admin screens act on: the one chosen before if the agent still
 * belongs to it, else the one where they hold the highest role (the first on a tie).
 */
export function chooseSite(sites: readonly SiteRef[], remembered: string | null): SiteRef | null {
  const kept = sites.find((s) => s.id === remembered);
  if (kept) return kept;
  let best: SiteRef | null = null;
  for (const site of sites) if (!best || rank[site.role] > rank[best.role]) best = site;
  return best;
}

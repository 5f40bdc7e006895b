import type { Agent, AgentCreate, AgentSkill, AgentUpdate, Locale, Membership, Role } from '@cascade/shared';

/** The agent editor's fields; levels per skill, 0 meaning the agent does not take that skill. */
export interface AgentForm {
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  levels: Record<string, number>;
  /** Empty: the site's default cap. */
  maxChats: string;
  /** The languages the agent answers in; chats in them are routed to the agent first. */
  languages: Locale[];
}

export type AgentProblem = { field: 'email' | 'name' | 'maxChats'; kind: 'required' | 'email' | 'number' };
export type AgentBody<T> = { ok: true; body: T } | { ok: false; problem: AgentProblem };

export function membershipOf(agent: Agent, siteId: string): Membership | null {
  return agent.memberships.find((m) => m.siteId === siteId) ?? null;
}

export function newAgentForm(locale: Locale): AgentForm {
  return { email: '', name: '', role: 'agent', locale, levels: {}, maxChats: '', languages: [locale] };
}

export function agentForm(agent: Agent, siteId: string): AgentForm {
  const m = membershipOf(agent, siteId);
  return {
    email: agent.email,
    name: agent.name,
    role: m?.role ?? 'agent',
    locale: agent.locale,
    levels: Object.fromEntries((m?.skills ?? []).map((s) => [s.skill, s.level])),
    maxChats: m?.maxChats === null || m?.maxChats === undefined ? '' : String(m.maxChats),
    languages: [...(m?.languages ?? [])].sort(),
  };
}

export function skillsOf(form: AgentForm): AgentSkill[] {
  return Object.entries(form.levels)
    .filter(([, level]) => level >= 1 && level <= 3)
    .map(([skill, level]) => ({ skill, level }))
    .sort((a, b) => a.skill.localeCompare(b.skill));
}

/** The skills to offer in the editor: the site's, then any an agent holds that the site no longer lists. */
export function skillChoices(siteSkills: readonly string[], agents: readonly Agent[], siteId: string): string[] {
  const held = agents.flatMap((a) => membershipOf(a, siteId)?.skills.map((s) => s.skill) ?? []);
  return [...new Set([...siteSkills, ...held.sort()])];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function cap(text: string): number | null | AgentProblem {
  const value = text.trim();
  if (value === '') return null;
  const n = Number(value);
  return /^\d+$/.test(value) && n >= 1 && n <= 50 ? n : { field: 'maxChats', kind: 'number' };
}

export function createBody(form: AgentForm, siteId: string): AgentBody<AgentCreate> {
  const email = form.email.trim();
  const name = form.name.trim();
  if (!email) return { ok: false, problem: { field: 'email', kind: 'required' } };
  if (!EMAIL.test(email)) return { ok: false, problem: { field: 'email', kind: 'email' } };
  if (!name) return { ok: false, problem: { field: 'name', kind: 'required' } };
  const maxChats = cap(form.maxChats);
  if (typeof maxChats === 'object' && maxChats !== null) return { ok: false, problem: maxChats };
  return {
    ok: true,
    body: {
      siteId,
      email,
      name,
      role: form.role,
      locale: form.locale,
      skills: skillsOf(form),
      maxChats,
      languages: [...form.languages].sort(),
    },
  };
}

/** `PATCH /api/agents/:id` with only what changed, so a stale form cannot undo someone else's edit. */
export function updateBody(agent: Agent, form: AgentForm, siteId: string): AgentBody<AgentUpdate> {
  const before = agentForm(agent, siteId);
  const name = form.name.trim();
  if (!name) return { ok: false, problem: { field: 'name', kind: 'required' } };
  const maxChats = cap(form.maxChats);
  if (typeof maxChats === 'object' && maxChats !== null) return { ok: false, problem: maxChats };
  const body: AgentUpdate = { siteId };
  if (name !== before.name) body.name = name;
  if (form.role !== before.role) body.role = form.role;
  if (form.locale !== before.locale) body.locale = form.locale;
  const skills = skillsOf(form);
  if (JSON.stringify(skills) !== JSON.stringify(skillsOf(before))) body.skills = skills;
  if (form.maxChats.trim() !== before.maxChats) body.maxChats = maxChats;
  const languages = [...form.languages].sort();
  if (languages.join() !== before.languages.join()) body.languages = languages;
  return { ok: true, body };
}

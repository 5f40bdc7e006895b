import { z } from 'zod';
import { AgentId, SiteId, Timestamp } from './ids.ts';
import { Locale } from './locale.ts';
import { Level } from './site.ts';
import { Skill } from './skill.ts';

export const Role = z.enum(['agent', 'supervisor', 'admin']);
export type Role = z.infer<typeof Role>;

export const AgentSkill = z.object({ skill: Skill, level: Level });
export type AgentSkill = z.infer<typeof AgentSkill>;

/** An agent's place in one site: role, skills with levels, and an optional chat cap. */
export const Membership = z.object({
  siteId: SiteId,
  role: Role,
  skills: z.array(AgentSkill).max(50),
  /** null: the site's default cap. */
  maxChats: z.number().int().min(1).max(50).nullable(),
  /** The languages the agent answers in here; a visitor in one of them is routed to them first. Unset: none named. */
  languages: z.array(Locale).max(Locale.options.length).optional(),
});
export type Membership = z.infer<typeof Membership>;

export const Agent = z.object({
  id: AgentId,
  email: z.email().max(254),
  name: z.string().min(1).max(100),
  locale: Locale,
  avatarUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable(),
  active: z.boolean(),
  /** Empty once the person was removed from every site: the account stays theirs, to join another. */
  memberships: z.array(Membership),
  createdAt: Timestamp,
});
export type Agent = z.infer<typeof Agent>;

/**
 * `online` is "available": the only status that is given new chats. Away, break and busy keep
 * the chats the agent has and say why no new ones come; offline is having no console open.
 */
export const AgentStatus = z.enum(['online', 'away', 'break', 'busy', 'offline']);
export type AgentStatus = z.infer<typeof AgentStatus>;
/** The statuses an agent chooses; their time is counted on the dashboard. */
export const ChosenStatus = AgentStatus.exclude(['offline']);
export type ChosenStatus = z.infer<typeof ChosenStatus>;

/** What a visitor may see of an agent. */
export const AgentPublic = Agent.pick({ name: true, avatarUrl: true });
export type AgentPublic = z.infer<typeof AgentPublic>;

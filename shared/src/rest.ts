import { z } from 'zod';
import { Agent, AgentSkill, AgentStatus, ChosenStatus, Membership, Role } from './agent.ts';
import { Language, Locale } from './locale.ts';
import { AgentId, SiteId, TicketId, VisitorId } from './ids.ts';
import { AutoAwaySeconds, Level, SiteSettings } from './site.ts';
import { Skill, SkillNames } from './skill.ts';
import { TicketStatus } from './ticket.ts';
import { KB_LIMITS } from './kb.ts';
import { NpsSummary } from './nps.ts';
import { AttachmentIds, UploadId } from './attachment.ts';

export const LoginBody = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
  /** The authenticator app's code or a recovery code, for an account with two-step sign-in. */
  code: z.string().trim().min(1).max(20).optional(),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** An agent changes their own password; the new one must be long, not clever. */
export const PasswordChange = z.object({
  current: z.string().min(1).max(200),
  next: z.string().min(10, 'the new password needs at least 10 characters').max(200),
});
export type PasswordChange = z.infer<typeof PasswordChange>;

/** The signed-in agent, as the console sees itself. */
export const Me = z.object({
  agent: Agent,
  sites: z.array(
    z.object({
      id: SiteId,
      name: z.string(),
      role: Role,
      assignment: z.enum(['auto', 'pick']),
      autoAwaySeconds: SiteSettings.shape.autoAwaySeconds,
      /** Every member reads the skill catalogue: the console names skills with it. */
      skillNames: SkillNames,
    }),
  ),
  /** The password was set by someone else (a first or reset password): the person must choose their own. */
  passwordChangeRequired: z.boolean(),
  /**
   * A site of the agent requires two-step sign-in and the agent has not turned it on: until
   * they do, the server refuses everything else, so the console shows only that step.
   */
  secondFactorSetupRequired: z.boolean(),
  /** Sent back in the X-Cascade-CSRF header on every state-changing REST call. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const TicketListQuery = z.object({
  siteId: SiteId.optional(),
  status: TicketStatus.optional(),
  skill: Skill.optional(),
  assigneeId: AgentId.optional(),
  q: z.string().max(200).optional(),
  level: z.coerce.number().pipe(Level).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

export const TicketParams = z.object({ ticketId: TicketId });

export const TicketUpdate = z
  .object({ status: TicketStatus.optional(), assigneeId: AgentId.nullable().optional() })
  .refine((u) => u.status !== undefined || u.assigneeId !== undefined, 'nothing to update');
export type TicketUpdate = z.infer<typeof TicketUpdate>;

export const TicketReply = z.object({
  text: z.string().trim().min(1).max(4000),
  /** Files the agent uploaded to the ticket, sent with the email as links. */
  attachments: AttachmentIds.optional(),
});
export type TicketReply = z.infer<typeof TicketReply>;

/** An agent's upload to a ticket, to send with a reply by email. */
export const TicketUploadParams = z.object({ ticketId: TicketId, uploadId: UploadId });
export type TicketUploadParams = z.infer<typeof TicketUploadParams>;

export const MetricsQuery = z.object({
  siteId: SiteId.optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
});
export type MetricsQuery = z.infer<typeof MetricsQuery>;

const Percentiles = z.object({ p50: z.number().nullable(), p90: z.number().nullable(), count: z.number().int() });

/** The supervisor's numbers for a period (`GET /api/metrics/summary`); times in seconds, rates in 0..1. */
export const MetricsSummary = z.object({
  from: z.number(),
  to: z.number(),
  conversations: z.number().int(),
  botAnswers: z.number().int(),
  botSuggestions: z.number().int(),
  botEscalations: z.number().int(),
  resolvedByBot: z.number().int(),
  resolvedByAgent: z.number().int(),
  /** Share of conversations the bot resolved on its own. */
  deflectionRate: z.number().nullable(),
  /** Share of ended conversations resolved in the chat (bot or agent), without a ticket. */
  firstContactResolution: z.number().nullable(),
  escalationsPerLevel: z.object({ '1': z.number().int(), '2': z.number().int(), '3': z.number().int() }),
  transfers: z.number().int(),
  tickets: z.number().int(),
  abandoned: z.number().int(),
  offeredTickets: z.number().int(),
  waitSeconds: Percentiles,
  firstResponseSeconds: Percentiles,
  handleSeconds: Percentiles,
  /** CSAT: the share of 4-5 ratings. */
  csat: z.object({ ratings: z.number().int(), satisfied: z.number().int(), score: z.number().nullable() }),
  /** CSAT counted per skill and per level reached. */
  csatBySkill: z.record(z.string(), z.object({ ratings: z.number().int(), satisfied: z.number().int() })),
  csatByLevel: z.record(z.string(), z.object({ ratings: z.number().int(), satisfied: z.number().int() })),
  /** NPS answers of the period, for sites that ask it. */
  nps: NpsSummary,
  /** SLA clocks that ran out, by kind. */
  slaBreaches: z.object({
    first_response: z.number().int(),
    next_reply: z.number().int(),
    resolution: z.number().int(),
  }),
  /** Per skill: the wait visitors were first promised against the wait they had, for chats that got an agent. */
  waitAccuracy: z.array(
    z.object({
      skill: z.string(),
      chats: z.number().int(),
      predictedP50Seconds: z.number().nullable(),
      actualP50Seconds: z.number().nullable(),
      /** The median of |actual - predicted|. */
      errorP50Seconds: z.number().nullable(),
    }),
  ),
  funnel: z.object({
    bot: z.number().int(),
    level1: z.number().int(),
    level2: z.number().int(),
    level3: z.number().int(),
    ticket: z.number().int(),
  }),
  agents: z.array(
    z.object({
      agentId: z.string(),
      resolved: z.number().int(),
      ticketed: z.number().int(),
      ratings: z.number().int(),
      csat: z.number().nullable(),
    }),
  ),
  series: z.array(z.object({ t: z.number(), conversations: z.number().int(), waitP50Seconds: z.number().nullable() })),
});
export type MetricsSummary = z.infer<typeof MetricsSummary>;

/** Seconds each agent of the site spent in each chosen status during a period (`GET /api/metrics/status-time`). */
export const StatusTimes = z.object({
  from: z.number(),
  to: z.number(),
  agents: z.array(z.object({ agentId: AgentId, seconds: z.record(ChosenStatus, z.number().nonnegative()) })),
});
export type StatusTimes = z.infer<typeof StatusTimes>;

/** Admin and supervisor calls name the site they act on. */
export const SiteQuery = z.object({ siteId: SiteId });
export const RotateSecret = SiteQuery.extend({ secret: z.enum(['identity', 'webhook']) });
export const WidgetConfigQuery = z.object({ siteKey: z.string().min(1).max(80) });

export const KbListQuery = SiteQuery.extend({ q: z.string().max(200).optional() });
export const KbEntryParams = z.object({ entryId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
export const KbImport = SiteQuery.extend({
  format: z.enum(['json', 'csv']),
  /** JSON: an array of entries; CSV: the text, as exported. */
  // The entries are counted by the server, which says how many a knowledge base may hold.
  data: z.union([z.string().max(KB_LIMITS.importBytes), z.array(z.unknown())]),
  /** Replace the whole knowledge base instead of adding to it. */
  replace: z.boolean().default(false),
});
export const KbExportQuery = SiteQuery.extend({ format: z.enum(['json', 'csv']).default('json') });
export const KbTry = SiteQuery.extend({ text: z.string().trim().min(1).max(4000), locale: Locale.optional() });
/** A supervisor teaches an entry one more way of asking: in `language`, else in the entry's first language. */
export const KbPhrasingAdd = SiteQuery.extend({
  text: z.string().trim().min(1).max(300),
  language: Language.optional(),
});
export type KbPhrasingAdd = z.infer<typeof KbPhrasingAdd>;

// A patch leaves out what it does not change: no field takes its default here.
export const SiteSettingsPatch = SiteSettings.partial().extend({ autoAwaySeconds: AutoAwaySeconds.optional() });
export type SiteSettingsPatch = z.infer<typeof SiteSettingsPatch>;

export const AgentCreate = SiteQuery.extend({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
  role: Role,
  locale: Locale.default('en'),
  skills: z.array(AgentSkill).max(50),
  maxChats: z.number().int().min(1).max(50).nullable().default(null),
  languages: Membership.shape.languages,
});
export type AgentCreate = z.infer<typeof AgentCreate>;
export const AgentParams = z.object({ agentId: AgentId });
export const VisitorParams = z.object({ visitorId: VisitorId });
/** The answer to revoking a visitor's tokens: how many there were. */
export const VisitorRevoked = z.object({ revoked: z.number().int().min(0) });
export type VisitorRevoked = z.infer<typeof VisitorRevoked>;
export const AgentUpdate = SiteQuery.extend({
  name: z.string().trim().min(1).max(100).optional(),
  role: Role.optional(),
  locale: Locale.optional(),
  skills: z.array(AgentSkill).max(50).optional(),
  maxChats: z.number().int().min(1).max(50).nullable().optional(),
  languages: Membership.shape.languages,
  active: z.boolean().optional(),
});
export type AgentUpdate = z.infer<typeof AgentUpdate>;

/** The supervisor's live board. */
export const Board = z.object({
  lines: z.array(
    z.object({
      skill: z.string(),
      level: z.number().int(),
      waiting: z.number().int(),
      longestWaitSeconds: z.number().nullable(),
    }),
  ),
  agents: z.array(
    z.object({
      agentId: AgentId,
      name: z.string(),
      status: AgentStatus,
      load: z.number().int(),
      cap: z.number().int(),
    }),
  ),
  inProgress: z.number().int(),
});
export type Board = z.infer<typeof Board>;

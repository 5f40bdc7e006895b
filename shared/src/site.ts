import { z } from 'zod';
import { NpsSetting } from './nps.ts';
import { SiteId, Timestamp } from './ids.ts';
import { Locale } from './locale.ts';
import { AttachmentSettings } from './attachment.ts';
import { SlaPolicies } from './sla.ts';
import { ATTRIBUTE_VALUE_MAX, AttributeKey } from './visitor.ts';
import { Proactive, PublicProactive } from './proactive.ts';
import { Skill, SkillNames } from './skill.ts';
import { ReplyPromise } from './reply-promise.ts';

export const GENERAL_SKILL = 'general';

export const Level = z.number().int().min(1).max(3);
export type Level = z.infer<typeof Level>;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');

/** A zone the platform's Intl knows (the console offers only those). */
function knownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Weekly opening hours in the site's time zone; `null` means always open. */
export const BusinessHours = z.object({
  timeZone: z.string().min(1).max(64).refine(knownTimeZone, 'unknown time zone'),
  /** day 0 = Sunday. A day with no interval is closed. */
  weekly: z.array(z.object({ day: z.number().int().min(0).max(6), open: HHMM, close: HHMM })).max(50),
  /** Whole local dates (YYYY-MM-DD) the team is away, whatever the weekly hours say. */
  holidays: z
    .array(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a holiday must be YYYY-MM-DD'))
    .max(100)
    .optional(),
});
export type BusinessHours = z.infer<typeof BusinessHours>;

export const Origin = z
  .string()
  .max(255)
  .regex(/^https?:\/\/[^/\s]+$/, 'origin must be scheme://host[:port] with no path');

export const Theme = z.object({
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb'),
  position: z.enum(['left', 'right']),
  launcherLabel: z.partialRecord(Locale, z.string().max(40)),
  greeting: z.partialRecord(Locale, z.string().max(300)),
});
export type Theme = z.infer<typeof Theme>;

export const BotThresholds = z.object({
  /** Confidence at or above which the bot answers outright. */
  answer: z.number().min(0).max(1),
  /** Confidence at or above which the bot suggests entries instead of escalating. */
  suggest: z.number().min(0).max(1),
});
export type BotThresholds = z.infer<typeof BotThresholds>;

/** Lifts a waiting chat ahead of others: identified customers, a page such as /checkout, or an attribute such as plan = pro. */
export const PriorityRule = z.discriminatedUnion('when', [
  z.object({ when: z.literal('identified'), priority: z.number().int().min(1).max(9) }),
  z.object({
    when: z.literal('page'),
    /** Matched against the path of the visitor's current page: a prefix, or `*` as a wildcard. */
    pattern: z
      .string()
      .min(1)
      .max(200)
      .refine((p) => p.split('*').length <= 11, 'a pattern has at most 10 wildcards'),
    priority: z.number().int().min(1).max(9),
  }),
  z.object({
    when: z.literal('attribute'),
    key: AttributeKey,
    /** Compared exactly with the visitor's attribute of that name. */
    value: z.string().min(1).max(ATTRIBUTE_VALUE_MAX),
    priority: z.number().int().min(1).max(9),
  }),
]);
export type PriorityRule = z.infer<typeof PriorityRule>;

/** A pre-chat field's id: how its answer is keyed. */
export const PreChatFieldId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'a field id is lower-case letters, digits or _');

/** Text in each language the site speaks; at least one. */
const Labels = z
  .partialRecord(Locale, z.string().trim().min(1).max(80))
  .refine((l) => Object.keys(l).length > 0, 'a label in at least one language');

export const PreChatField = z.object({
  id: PreChatFieldId,
  /** name and email also become the visitor's, for the ticket and the transcript. */
  kind: z.enum(['name', 'email', 'phone', 'choice', 'text']),
  label: Labels,
  required: z.boolean(),
  /** The choices of a `choice` field, in the order shown. */
  options: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
});
export type PreChatField = z.infer<typeof PreChatField>;

/** Questions asked once per visitor, before the first message or only before reaching a person. */
export const PreChat = z
  .object({
    when: z.enum(['first_message', 'before_person']),
    fields: z.array(PreChatField).min(1).max(10),
  })
  .refine((p) => new Set(p.fields.map((f) => f.id)).size === p.fields.length, 'field ids must differ')
  .refine(
    (p) => p.fields.every((f) => f.kind !== 'choice' || (f.options?.length ?? 0) > 0),
    'a choice field needs its choices',
  );
export type PreChat = z.infer<typeof PreChat>;

/** Where tickets go besides the console; secrets are kept apart from the settings. */
export const Sinks = z.object({
  webhookUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable(),
  supportEmail: z.email().max(254).nullable(),
  /** Email the visitor their ticket number when their email is known. */
  emailVisitors: z.boolean(),
});
export type Sinks = z.infer<typeof Sinks>;

/** Seconds without activity in the console after which an available agent becomes away; null = never. */
export const AutoAwaySeconds = z.number().int().min(5).max(86_400).nullable();

export const SiteSettings = z.object({
  name: z.string().min(1).max(100),
  allowedOrigins: z.array(Origin).max(50),
  skills: z.array(Skill).min(1).max(50),
  /** Display names of the skills per language; absent (sites saved before it existed): the ids. */
  skillNames: SkillNames.optional(),
  defaultLocale: Locale,
  locales: z.array(Locale).min(1),
  theme: Theme,
  /** Seconds a chat may wait before the visitor is offered a ticket. */
  maxWaitSeconds: z.number().int().min(1).max(86_400),
  /** Seconds after which a waiting chat may also go to the next level; null = never. */
  widenAfterSeconds: z.number().int().min(1).max(86_400).nullable(),
  assignment: z.enum(['auto', 'pick']),
  defaultMaxChats: z.number().int().min(1).max(50),
  /** Sites saved before it existed get the default. */
  autoAwaySeconds: AutoAwaySeconds.default(600),
  businessHours: BusinessHours.nullable(),
  botThresholds: BotThresholds,
  requireIdentity: z.boolean(),
  priorityRules: z.array(PriorityRule).max(20),
  sinks: Sinks,
  /** Which files visitors and agents may send; absent means DEFAULT_ATTACHMENT_SETTINGS. */
  attachments: AttachmentSettings.optional(),
  /** Response and resolution targets per priority; a priority without a policy has no clocks. */
  slaPolicies: SlaPolicies.optional(),
  /** Absent or null: no pre-chat form. */
  preChat: PreChat.nullable().optional(),
  /** Invitations shown by the launcher; absent: none. */
  proactive: Proactive.optional(),
  /** Absent or null: no NPS question after chats. */
  nps: NpsSetting.nullable().optional(),
  /** Absent or null: the email form makes no promise of when the reply comes. */
  replyPromise: ReplyPromise.nullable().optional(),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

export const Site = SiteSettings.extend({
  id: SiteId,
  /** Public key pasted into the script tag; not a secret. */
  publicKey: z.string().regex(/^pk_[A-Za-z0-9]{8,64}$/),
  createdAt: Timestamp,
});
export type Site = z.infer<typeof Site>;

/** What the widget learns about its site at start-up: no secrets, no internals. */
export const PublicSiteConfig = Site.pick({
  name: true,
  defaultLocale: true,
  locales: true,
  theme: true,
  requireIdentity: true,
  attachments: true,
  preChat: true,
}).extend({ proactive: PublicProactive.optional() });
export type PublicSiteConfig = z.infer<typeof PublicSiteConfig>;

import { z } from 'zod';
import { SiteId, Timestamp } from './ids.ts';
import { Locale } from './locale.ts';
import { AttachmentSettings } from './attachment.ts';

export const Skill = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'skill must be lower-case letters, digits, _ or -');
export type Skill = z.infer<typeof Skill>;
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

/** Lifts a waiting chat ahead of others: identified customers, or a page such as /checkout. */
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
]);
export type PriorityRule = z.infer<typeof PriorityRule>;

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

export const SiteSettings = z.object({
  name: z.string().min(1).max(100),
  allowedOrigins: z.array(Origin).max(50),
  skills: z.array(Skill).min(1).max(50),
  defaultLocale: Locale,
  locales: z.array(Locale).min(1),
  theme: Theme,
  /** Seconds a chat may wait before the visitor is offered a ticket. */
  maxWaitSeconds: z.number().int().min(1).max(86_400),
  /** Seconds after which a waiting chat may also go to the next level; null = never. */
  widenAfterSeconds: z.number().int().min(1).max(86_400).nullable(),
  assignment: z.enum(['auto', 'pick']),
  defaultMaxChats: z.number().int().min(1).max(50),
  businessHours: BusinessHours.nullable(),
  botThresholds: BotThresholds,
  requireIdentity: z.boolean(),
  priorityRules: z.array(PriorityRule).max(20),
  sinks: Sinks,
  /** Which files visitors and agents may send; absent means DEFAULT_ATTACHMENT_SETTINGS. */
  attachments: AttachmentSettings.optional(),
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
});
export type PublicSiteConfig = z.infer<typeof PublicSiteConfig>;

import { z } from 'zod';
import { Locale } from './locale.ts';
import { ATTRIBUTE_VALUE_MAX, AttributeKey } from './visitor.ts';

/** A rule's name: what `Cascade('trigger', name)` calls it and what the dashboard counts it by. */
export const ProactiveRuleName = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'a rule name is lower-case letters, digits, _ or -');

export const PathMatch = z.object({
  match: z.enum(['prefix', 'contains', 'exact']),
  /** Compared with the page's path (`location.pathname`), case and all. */
  value: z.string().min(1).max(200),
});
export type PathMatch = z.infer<typeof PathMatch>;

/** Every condition given must hold; one left out always does. */
export const ProactiveConditions = z.object({
  path: PathMatch.optional(),
  /** Seconds the visitor has been on the page before the message shows. */
  secondsOnPage: z.number().int().min(0).max(3600).optional(),
  /** At least this many pages seen in this visit (this tab), the current one included. */
  minPages: z.number().int().min(1).max(100).optional(),
  /** true: only visitors who came on an earlier day or visit; false: only first-time ones. */
  returning: z.boolean().optional(),
  /** true: only visitors the page identified (`Cascade('identify')`); false: only anonymous ones. */
  identified: z.boolean().optional(),
  /** Visitor attributes (`Cascade('set', …)`) that must equal these values. */
  attributes: z.record(AttributeKey, z.string().max(ATTRIBUTE_VALUE_MAX)).optional(),
  /** true: only while the site is within its business hours. */
  inHours: z.boolean().optional(),
});
export type ProactiveConditions = z.infer<typeof ProactiveConditions>;

export const ProactiveRule = z.object({
  name: ProactiveRuleName,
  enabled: z.boolean(),
  /** What the bubble says, per language; a visitor whose language is missing sees the site's default. */
  message: z
    .partialRecord(Locale, z.string().trim().min(1).max(200))
    .refine((m) => Object.keys(m).length > 0, 'a message in at least one language'),
  conditions: ProactiveConditions,
  /** Shows to one visitor at most once in this many hours. */
  everyHours: z.number().int().min(1).max(8760),
  /** Only fired by `Cascade('trigger', name)` from the page, never by its conditions alone. */
  manual: z.boolean().optional(),
});
export type ProactiveRule = z.infer<typeof ProactiveRule>;

/** A site's invitations: its rules and how often any of them may interrupt one visitor. */
export const Proactive = z
  .object({
    rules: z.array(ProactiveRule).max(20),
    /** Any rule at all shows to one visitor at most once in this many hours. */
    visitorEveryHours: z.number().int().min(0).max(8760),
  })
  .refine((p) => new Set(p.rules.map((r) => r.name)).size === p.rules.length, 'rule names must differ');
export type Proactive = z.infer<typeof Proactive>;

/**
 * What the widget gets: the enabled rules only, and whether the site is within its business hours
 * now. Absent when no rule is enabled, so the loader fetches nothing more.
 */
export const PublicProactive = z.object({
  rules: z.array(ProactiveRule).max(20),
  visitorEveryHours: z.number().int().min(0).max(8760),
  open: z.boolean(),
});
export type PublicProactive = z.infer<typeof PublicProactive>;

export const ProactiveStep = z.enum(['shown', 'opened', 'chatted']);
export type ProactiveStep = z.infer<typeof ProactiveStep>;

/** The widget reports one step of a rule's invitation (a public call: the key is in every page). */
export const ProactiveEvent = z.object({
  siteKey: z.string().min(1).max(80),
  rule: ProactiveRuleName,
  step: ProactiveStep,
});
export type ProactiveEvent = z.infer<typeof ProactiveEvent>;

export const ProactiveCount = z.object({
  rule: ProactiveRuleName,
  shown: z.number().int().min(0),
  opened: z.number().int().min(0),
  chatted: z.number().int().min(0),
});
export type ProactiveCount = z.infer<typeof ProactiveCount>;

export const ProactiveCounts = z.object({ rules: z.array(ProactiveCount) });
export type ProactiveCounts = z.infer<typeof ProactiveCounts>;

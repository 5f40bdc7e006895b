import {
  AttributeKey,
  type BusinessHours,
  type Locale,
  type PriorityRule,
  type Site,
  type SiteSettings,
  type SiteSettingsPatch,
  type SlaPolicy,
} from '@cascade/shared';
import { localeList } from '../i18n/locales.ts';
import { preChatForm, readPreChat, type PreChatForm } from './pre-chat-form.ts';
import { readSkillNames, skillNamesForm, type SkillNamesForm } from './skill-names-form.ts';

/** One opening interval; day 0 is Sunday. */
export interface HoursRow {
  day: number;
  open: string;
  close: string;
}

/** One priority's SLA targets in minutes as typed; empty: no promise of that kind. */
export interface SlaRow {
  priority: string;
  firstResponse: string;
  nextReply: string;
  resolution: string;
}

export interface RuleRow {
  when: PriorityRule['when'];
  /** Only for `page` rules: a path prefix, `*` as a wildcard. */
  pattern: string;
  /** Only for `attribute` rules: the attribute's name and the value it must have. */
  key: string;
  value: string;
  priority: string;
}

/** The settings screen's fields as the inputs hold them: numbers as typed, lists as lines. */
export interface SettingsForm {
  name: string;
  color: string;
  position: 'left' | 'right';
  greeting: Record<Locale, string>;
  launcherLabel: Record<Locale, string>;
  locales: Locale[];
  defaultLocale: Locale;
  skills: string;
  skillNames: SkillNamesForm;
  maxWaitSeconds: string;
  /** Empty: never widen to the next level. */
  widenAfterSeconds: string;
  /** Empty: agents are never set away for being idle. */
  autoAwaySeconds: string;
  assignment: 'auto' | 'pick';
  defaultMaxChats: string;
  /** Off: always open. */
  hoursOn: boolean;
  timeZone: string;
  weekly: HoursRow[];
  /** Local dates (YYYY-MM-DD) closed all day. */
  holidays: string[];
  allowedOrigins: string;
  requireIdentity: boolean;
  priorityRules: RuleRow[];
  slaPolicies: SlaRow[];
  preChat: PreChatForm;
  /** Off: no NPS question after chats. */
  npsOn: boolean;
  npsPeriodDays: string;
  npsReplacesCsat: boolean;
  /** Off: the email form promises no reply time. */
  replyPromiseOn: boolean;
  replyPromiseHours: string;
  answerThreshold: string;
  suggestThreshold: string;
  webhookUrl: string;
  supportEmail: string;
  emailVisitors: boolean;
}

export type SettingsField = keyof SettingsForm;

export type SettingsProblem = {
  field: SettingsField;
  kind:
    | 'required'
    | 'number'
    | 'colour'
    | 'origin'
    | 'time'
    | 'timeZone'
    | 'date'
    | 'skill'
    | 'skillName'
    | 'defaultLocale'
    | 'pattern'
    | 'attribute'
    | 'preChat'
    | 'email'
    | 'url'
    | 'threshold'
    | 'duplicate';
};

export type SettingsResult = { ok: true; patch: SiteSettingsPatch } | { ok: false; problem: SettingsProblem };

/** A weekday's default interval when a row is added. */
export const NEW_HOURS_ROW: HoursRow = { day: 1, open: '09:00', close: '17:00' };

const perLocale = (values: Partial<Record<Locale, string>>): Record<Locale, string> => ({
  en: values.en ?? '',
  ar: values.ar ?? '',
  fa: values.fa ?? '',
});

export function settingsForm(site: Site): SettingsForm {
  return {
    name: site.name,
    color: site.theme.color,
    position: site.theme.position,
    greeting: perLocale(site.theme.greeting),
    launcherLabel: perLocale(site.theme.launcherLabel),
    locales: [...site.locales],
    defaultLocale: site.defaultLocale,
    skills: site.skills.join('\n'),
    skillNames: skillNamesForm(site.skillNames),
    maxWaitSeconds: String(site.maxWaitSeconds),
    widenAfterSeconds: site.widenAfterSeconds === null ? '' : String(site.widenAfterSeconds),
    autoAwaySeconds: site.autoAwaySeconds === null ? '' : String(site.autoAwaySeconds),
    assignment: site.assignment,
    defaultMaxChats: String(site.defaultMaxChats),
    hoursOn: site.businessHours !== null,
    timeZone: site.businessHours?.timeZone ?? browserTimeZone(),
    weekly: site.businessHours ? site.businessHours.weekly.map((w) => ({ ...w })) : [],
    holidays: [...(site.businessHours?.holidays ?? [])],
    allowedOrigins: site.allowedOrigins.join('\n'),
    requireIdentity: site.requireIdentity,
    priorityRules: site.priorityRules.map((r) => ({
      when: r.when,
      pattern: r.when === 'page' ? r.pattern : '',
      key: r.when === 'attribute' ? r.key : '',
      value: r.when === 'attribute' ? r.value : '',
      priority: String(r.priority),
    })),
    slaPolicies: (site.slaPolicies ?? []).map((p) => ({
      priority: String(p.priority),
      firstResponse: minutesText(p.firstResponseSeconds),
      nextReply: minutesText(p.nextReplySeconds),
      resolution: minutesText(p.resolutionSeconds),
    })),
    preChat: preChatForm(site.preChat),
    npsOn: Boolean(site.nps),
    npsPeriodDays: String(site.nps?.periodDays ?? 90),
    npsReplacesCsat: site.nps?.replacesCsat ?? false,
    replyPromiseOn: Boolean(site.replyPromise),
    replyPromiseHours: String(site.replyPromise?.businessHours ?? 4),
    answerThreshold: String(site.botThresholds.answer),
    suggestThreshold: String(site.botThresholds.suggest),
    webhookUrl: site.sinks.webhookUrl ?? '',
    supportEmail: site.sinks.supportEmail ?? '',
    emailVisitors: site.sinks.emailVisitors,
  };
}

/** A target as minutes for the form; exact, so a value set through the API survives a save. */
const minutesText = (seconds: number | null): string => (seconds === null ? '' : String(seconds / 60));

/** Minutes as typed (fractions allowed), as whole seconds; empty is no target. */
function targetSeconds(text: string): number | null {
  const value = text.trim();
  if (value === '') return null;
  const minutes = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  const seconds = Math.round(minutes * 60);
  return seconds >= 1 && seconds <= 30 * 86_400 ? seconds : fail('slaPolicies', 'number');
}

export const NEW_SLA_ROW: SlaRow = { priority: '0', firstResponse: '5', nextReply: '10', resolution: '240' };

function readSla(rows: readonly SlaRow[]): SlaPolicy[] {
  const policies = rows.map((r) => ({
    priority: int('slaPolicies', r.priority, 0, 9),
    firstResponseSeconds: targetSeconds(r.firstResponse),
    nextReplySeconds: targetSeconds(r.nextReply),
    resolutionSeconds: targetSeconds(r.resolution),
  }));
  if (new Set(policies.map((p) => p.priority)).size !== policies.length) fail('slaPolicies', 'duplicate');
  return policies;
}

class Problem extends Error {
  constructor(readonly problem: SettingsProblem) {
    super(`${problem.field}: ${problem.kind}`);
  }
}

const fail = (field: SettingsField, kind: SettingsProblem['kind']): never => {
  throw new Problem({ field, kind });
};

function int(field: SettingsField, text: string, min: number, max: number): number {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return fail(field, 'number');
  const n = Number(value);
  return n >= min && n <= max ? n : fail(field, 'number');
}

function threshold(field: SettingsField, text: string): number {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 1 ? n : fail(field, 'threshold');
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);

const filled = (values: Record<Locale, string>): Partial<Record<Locale, string>> =>
  Object.fromEntries(localeList.filter((l) => values[l].trim() !== '').map((l) => [l, values[l].trim()]));

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ORIGIN = /^https?:\/\/[^/\s]+$/;
const SKILL = /^[a-z][a-z0-9_-]{0,31}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The form read back into settings, checked field by field so the screen can point at the one to fix. */
function readSettings(form: SettingsForm): SiteSettings {
  const name = form.name.trim() || fail('name', 'required');
  if (!/^#[0-9a-fA-F]{6}$/.test(form.color)) fail('color', 'colour');
  if (form.locales.length === 0) fail('locales', 'required');
  if (!form.locales.includes(form.defaultLocale)) fail('defaultLocale', 'defaultLocale');
  const skills = [...new Set(lines(form.skills))];
  if (skills.length === 0) fail('skills', 'required');
  if (skills.some((s) => !SKILL.test(s))) fail('skills', 'skill');
  const skillNames = readSkillNames(skills, form.skillNames) ?? fail('skillNames', 'skillName');
  const origins = lines(form.allowedOrigins).map((o) => o.replace(/\/$/, ''));
  if (origins.some((o) => !ORIGIN.test(o))) fail('allowedOrigins', 'origin');
  let businessHours: BusinessHours | null = null;
  if (form.hoursOn) {
    const timeZone = form.timeZone.trim();
    if (!isTimeZone(timeZone)) fail('timeZone', 'timeZone');
    if (form.weekly.some((w) => !HHMM.test(w.open) || !HHMM.test(w.close))) fail('weekly', 'time');
    if (form.holidays.some((h) => !DATE.test(h))) fail('holidays', 'date');
    const holidays = [...new Set(form.holidays)].sort();
    businessHours = {
      timeZone,
      weekly: form.weekly.map((w) => ({ day: w.day, open: w.open, close: w.close })),
      ...(holidays.length > 0 ? { holidays } : {}),
    };
  }
  const priorityRules: PriorityRule[] = form.priorityRules.map((r) => {
    const priority = int('priorityRules', r.priority, 1, 9);
    if (r.when === 'identified') return { when: 'identified', priority };
    if (r.when === 'attribute') {
      const key = r.key.trim();
      const value = r.value.trim();
      if (!AttributeKey.safeParse(key).success || !value) fail('priorityRules', 'attribute');
      return { when: 'attribute', key, value, priority };
    }
    const pattern = r.pattern.trim() || fail('priorityRules', 'pattern');
    return { when: 'page', pattern, priority };
  });
  const preChat = readPreChat(form.preChat);
  if (preChat === undefined) fail('preChat', 'preChat');
  const webhookUrl = form.webhookUrl.trim();
  if (webhookUrl && !/^https?:\/\/\S+$/.test(webhookUrl)) fail('webhookUrl', 'url');
  const supportEmail = form.supportEmail.trim();
  if (supportEmail && !EMAIL.test(supportEmail)) fail('supportEmail', 'email');
  return {
    name,
    allowedOrigins: origins,
    skills,
    skillNames,
    defaultLocale: form.defaultLocale,
    locales: localeList.filter((l) => form.locales.includes(l)),
    theme: {
      color: form.color.toLowerCase(),
      position: form.position,
      launcherLabel: filled(form.launcherLabel),
      greeting: filled(form.greeting),
    },
    maxWaitSeconds: int('maxWaitSeconds', form.maxWaitSeconds, 1, 86_400),
    widenAfterSeconds:
      form.widenAfterSeconds.trim() === '' ? null : int('widenAfterSeconds', form.widenAfterSeconds, 1, 86_400),
    autoAwaySeconds:
      form.autoAwaySeconds.trim() === '' ? null : int('autoAwaySeconds', form.autoAwaySeconds, 5, 86_400),
    assignment: form.assignment,
    defaultMaxChats: int('defaultMaxChats', form.defaultMaxChats, 1, 50),
    businessHours,
    botThresholds: {
      answer: threshold('answerThreshold', form.answerThreshold),
      suggest: threshold('suggestThreshold', form.suggestThreshold),
    },
    requireIdentity: form.requireIdentity,
    priorityRules,
    slaPolicies: readSla(form.slaPolicies),
    preChat,
    nps: form.npsOn
      ? { periodDays: int('npsPeriodDays', form.npsPeriodDays, 1, 730), replacesCsat: form.npsReplacesCsat }
      : null,
    replyPromise: form.replyPromiseOn
      ? { businessHours: int('replyPromiseHours', form.replyPromiseHours, 1, 240) }
      : null,
    sinks: { webhookUrl: webhookUrl || null, supportEmail: supportEmail || null, emailVisitors: form.emailVisitors },
  };
}

/**
 * The `PATCH /api/sites/settings` body: only the settings the form changed, so two admins
 * editing different parts do not undo each other's work.
 */
export function settingsPatch(site: Site, form: SettingsForm): SettingsResult {
  let next: SiteSettings;
  try {
    next = readSettings(form);
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: error.problem };
    throw error;
  }
  const patch: SiteSettingsPatch = {};
  for (const key of Object.keys(next) as (keyof SiteSettings)[]) {
    // A site saved before a setting existed has none: the same as null (lists: empty, skill names: none).
    const before =
      key === 'slaPolicies'
        ? (site.slaPolicies ?? [])
        : key === 'skillNames'
          ? (site.skillNames ?? {})
          : (site[key] ?? null);
    if (!sameValue(next[key], before)) copy(patch, next, key);
  }
  return { ok: true, patch };
}

function copy<K extends keyof SiteSettings>(to: Pick<SiteSettingsPatch, K>, from: Pick<SiteSettings, K>, key: K): void {
  to[key] = from[key];
}

/** Deep equality for plain JSON values, ignoring the order of object keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

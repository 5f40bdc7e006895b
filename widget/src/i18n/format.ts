import type { Locale } from '@cascade/shared';
import { isRtl } from './pick.ts';

/**
 * Digits chosen per language, not left to the platform: Latin for English, Arabic-Indic (٠–٩)
 * for Arabic as in the Gulf and Egypt, Persian (۰–۹) for Persian. Every number, time and date
 * of the widget is formatted with these tags.
 */
export const tags: Record<Locale, string> = { en: 'en-u-nu-latn', ar: 'ar-u-nu-arab', fa: 'fa-u-nu-arabext' };

export const formatNumber = (locale: Locale, n: number): string => new Intl.NumberFormat(tags[locale]).format(n);

/** A message's time of day in the visitor's language; `timeZone` is for tests. */
export function formatTime(locale: Locale, ts: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(tags[locale], { hour: 'numeric', minute: '2-digit', timeZone }).format(ts);
}

/** When a closed site opens again, in the visitor's language and (the browser's) time zone. */
export const formatOpening = (locale: Locale, ts: number): string =>
  new Intl.DateTimeFormat(tags[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(ts);

/**
 * Keeps a name or email from reordering the sentence around it when their directions may differ:
 * any text in a right-to-left sentence, right-to-left text in a left-to-right one.
 */
const isolate = (locale: Locale, s: string): string =>
  isRtl(locale) || /[\u0590-\u08ff]/.test(s) ? `\u2068${s}\u2069` : s;

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders: numbers in the locale's digits, text isolated where bidi needs it. */
export function fill(locale: Locale, template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : isolate(locale, value);
  });
}

/** A wait in whole minutes, or null for "under a minute". */
export const etaMinutes = (seconds: number): number | null => (seconds < 60 ? null : Math.round(seconds / 60));

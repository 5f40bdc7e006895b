import type { Locale } from '@cascade/shared';
import type { MessageKey } from '../locales/en.ts';
import { durationParts } from '../logic/duration.ts';
import { percent, secondsFigure } from '../logic/metric-tiles.ts';
import { localizeNumber } from './digits.ts';
import { locales, textDirection } from './locales.ts';

export type Params = Record<string, string | number>;

/** A message with plural forms: keys `base.one`, `base.other`… named by Intl.PluralRules categories. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

export interface Translator {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  t: (key: MessageKey, params?: Params) => string;
  /** `n` in the form the locale's grammar needs ("1 chat", "2 chats"), falling back to `.other`. */
  plural: (base: PluralBase, n: number) => string;
  /** A number in the locale's digits. */
  num: (n: number) => string;
  /** An elapsed time such as "3m 12s", in the locale's units and digits. */
  duration: (ms: number) => string;
  /** A measured time in seconds: "4.2s" under a minute, else like `duration`. */
  seconds: (seconds: number) => string;
  /** A rate 0..1 as a percentage, "85.7%". */
  percent: (rate: number) => string;
  time: (ts: number) => string;
  /** A short date such as "23 Nov", for chart labels. */
  day: (ts: number) => string;
  dateTime: (ts: number) => string;
}

export function createTranslator(locale: Locale): Translator {
  const info = locales[locale];
  const num = (n: number) => localizeNumber(n, info.digits);
  // Only numbers are localized: names, skills and other strings people typed stay as written.
  const t = (key: MessageKey, params?: Params) =>
    info.strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params?.[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? num(value) : value;
    });
  const rules = new Intl.PluralRules(info.intl);
  const plural = (base: PluralBase, n: number) => {
    const key = `${base}.${rules.select(n)}`;
    return t(key in info.strings ? (key as MessageKey) : `${base}.other`, { n });
  };
  const timeFormat = new Intl.DateTimeFormat(info.intl, { hour: '2-digit', minute: '2-digit' });
  const dayFormat = new Intl.DateTimeFormat(info.intl, { month: 'short', day: 'numeric' });
  const dateTimeFormat = new Intl.DateTimeFormat(info.intl, { dateStyle: 'medium', timeStyle: 'short' });
  const duration = (ms: number) =>
    durationParts(ms)
      .map((part) => t(`duration.${part.unit}`, { n: part.n }))
      .join(t('duration.join'));
  return {
    locale,
    dir: textDirection(locale),
    t,
    plural,
    num,
    duration,
    seconds: (seconds) => {
      const figure = secondsFigure(seconds);
      return figure.kind === 'short' ? t('duration.s', { n: figure.seconds }) : duration(figure.ms);
    },
    percent: (rate) => t('number.percent', { n: percent(rate) }),
    time: (ts) => timeFormat.format(ts),
    day: (ts) => dayFormat.format(ts),
    dateTime: (ts) => dateTimeFormat.format(ts),
  };
}

import { rtlLocales } from '@cascade/shared/constants';
import type { Locale } from '@cascade/shared';
import type { MessageKey } from '../locales/en.ts';
import { en } from '../locales/en.ts';
import { ar } from '../locales/ar.ts';
import { fa } from '../locales/fa.ts';

export interface LocaleInfo {
  strings: Readonly<Record<MessageKey, string>>;
  digits: 'latn' | 'persian';
  /** The tag given to Intl: Arabic keeps Western digits like the rest of its catalogue. */
  intl: string;
  /** The language's own name, shown in the language switch. */
  nativeName: string;
}

export const locales: Record<Locale, LocaleInfo> = {
  en: { strings: en, digits: 'latn', intl: 'en', nativeName: 'English' },
  ar: { strings: ar, digits: 'latn', intl: 'ar-u-nu-latn', nativeName: 'العربية' },
  fa: { strings: fa, digits: 'persian', intl: 'fa', nativeName: 'فارسی' },
};

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return rtlLocales.has(locale) ? 'rtl' : 'ltr';
}

export const localeList: readonly Locale[] = ['en', 'ar', 'fa'];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (localeList as readonly string[]).includes(value);
}

import { rtlLocales } from '@cascade/shared/constants';
import type { Locale } from '@cascade/shared';
import type { MessageKey } from '../locales/en.ts';
import type { Digits } from './digits.ts';
import { en } from '../locales/en.ts';
import { ar } from '../locales/ar.ts';
import { fa } from '../locales/fa.ts';

export interface LocaleInfo {
  strings: Readonly<Record<MessageKey, string>>;
  /** Numbers in messages; the same numbering system as `intl`, so times and counts agree. */
  digits: Digits;
  /** The tag given to Intl, with its numbering system named rather than left to the platform. */
  intl: string;
  /** The language's own name, shown in the language switch. */
  nativeName: string;
}

export const locales: Record<Locale, LocaleInfo> = {
  en: { strings: en, digits: 'latn', intl: 'en-u-nu-latn', nativeName: 'English' },
  ar: { strings: ar, digits: 'arab', intl: 'ar-u-nu-arab', nativeName: 'العربية' },
  fa: { strings: fa, digits: 'arabext', intl: 'fa-u-nu-arabext', nativeName: 'فارسی' },
};

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return rtlLocales.has(locale) ? 'rtl' : 'ltr';
}

export const localeList: readonly Locale[] = ['en', 'ar', 'fa'];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (localeList as readonly string[]).includes(value);
}

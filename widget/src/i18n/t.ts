import type { Locale } from '@cascade/shared';
import { catalogue as en, type Catalogue, type Key } from '../locales/en.ts';
import { catalogue as ar } from '../locales/ar.ts';
import { catalogue as fa } from '../locales/fa.ts';
import { fill, type Params } from './format.ts';

/**
 * Looks strings up in one language, filling their parameters: the panel's catalogue, or the
 * strings a lazy chunk carries itself (`src/locales/<chunk>.ts`).
 */
export function translatorFor<K extends string>(strings: Record<Locale, Record<K, string>>, locale: Locale) {
  const chosen = strings[locale];
  return (key: K, params?: Params): string => fill(locale, chosen[key], params);
}

const catalogues: Record<Locale, Catalogue> = { en, ar, fa };

export type T = (key: Key, params?: Params) => string;

export const translator = (locale: Locale): T => translatorFor(catalogues, locale);

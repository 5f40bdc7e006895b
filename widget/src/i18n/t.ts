import type { Locale } from '@cascade/shared';
import type { Key } from '../locales/en.ts';
import { fill, type Params } from './format.ts';

/** Looks strings up in one language's catalogue, filling their parameters in that language. */
export function translator<K extends string>(locale: Locale, strings: Record<K, string>) {
  return (key: K, params?: Params): string => fill(locale, strings[key], params);
}

/** The strings a lazy chunk carries itself (`src/locales/<chunk>.ts`), all three languages in one record. */
export const translatorFor = <K extends string>(strings: Record<Locale, Record<K, string>>, locale: Locale) =>
  translator(locale, strings[locale]);

/** The panel's own strings (`src/locales/{en,ar,fa}.ts`). */
export type T = (key: Key, params?: Params) => string;

import type { Locale } from '@cascade/shared';
import { catalogue as en, type Catalogue, type Key } from '../locales/en.ts';
import { catalogue as ar } from '../locales/ar.ts';
import { catalogue as fa } from '../locales/fa.ts';
import { fill, type Params } from './format.ts';

const catalogues: Record<Locale, Catalogue> = { en, ar, fa };

export type T = (key: Key, params?: Params) => string;

export function translator(locale: Locale): T {
  const strings = catalogues[locale];
  return (key, params) => fill(locale, strings[key], params);
}

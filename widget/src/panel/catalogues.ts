import type { Locale } from '@cascade/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { translator, type T } from '../i18n/t.ts';
import { catalogue as en, type Catalogue } from '../locales/en.ts';
import { lazy, RETRY_MS } from './lazy.tsx';

/**
 * The panel carries English, the reference and the fallback; Arabic and Persian are chunks of
 * their own, so a visitor downloads the strings of their language alone.
 */
const catalogues: Partial<Record<Locale, Catalogue>> = { en };
// Through `then`, so each chunk carries the catalogue alone, not the loader's launcher label beside it.
const chunks = {
  ar: lazy(() => import('../locales/ar.ts').then(({ catalogue }) => catalogue)),
  fa: lazy(() => import('../locales/fa.ts').then(({ catalogue }) => catalogue)),
};

/** Fetches the catalogue of `locale` unless it is here; false when the fetch failed. */
export function fetchCatalogue(locale: Locale): Promise<boolean> {
  if (locale === 'en' || catalogues[locale]) return Promise.resolve(true);
  return chunks[locale].get().then(
    (catalogue) => {
      catalogues[locale] = catalogue;
      return true;
    },
    () => false,
  );
}

/** The panel's strings in `locale`, English until its catalogue has arrived. */
export const stringsOf = (locale: Locale): T => translator(locale, catalogues[locale] ?? en);

/**
 * The language to draw in: `wanted` once its catalogue is here, until then the one drawn before,
 * so no text goes missing while it arrives; English when the first fetch failed. A failed fetch
 * is tried again after a pause.
 */
export function useCatalogue(wanted: Locale): Locale {
  const shown = useRef(wanted);
  const [tries, retry] = useState(0);
  const ready = !!catalogues[wanted];
  useEffect(() => {
    if (ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    void fetchCatalogue(wanted).then((ok) => {
      if (!live) return;
      if (ok) retry((n) => n + 1);
      else timer = setTimeout(() => retry((n) => n + 1), RETRY_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted, ready, tries]);
  if (ready) shown.current = wanted;
  return catalogues[shown.current] ? shown.current : 'en';
}

import type { Locale, PublicSiteConfig } from '@cascade/shared';

/**
 * `ar-EG` -> `ar`; anything Cascade does not ship -> null. The list is @cascade/shared's `Locale`,
 * copied because importing its values would bundle zod into the widget.
 */
export function asLocale(tag: unknown): Locale | null {
  return ((typeof tag === 'string' && /^(en|ar|fa)(?![a-z])/i.exec(tag)?.[1]?.toLowerCase()) || null) as Locale | null;
}

/** Arabic and Persian are written right to left (@cascade/shared's `rtlLocales`). */
export const isRtl = (locale: Locale): boolean => locale === 'ar' || locale === 'fa';

type SiteLocales = Pick<PublicSiteConfig, 'defaultLocale' | 'locales'>;

/**
 * The visitor's language: an explicit choice (script tag or `setLocale`) wins; then the
 * first browser language the site offers; then the site's default; then English.
 */
export function pickLocale(explicit: Locale | null, site: SiteLocales | null, browser: readonly string[]): Locale {
  if (explicit) return explicit;
  for (const tag of browser) {
    const locale = asLocale(tag);
    if (locale && (!site || site.locales.includes(locale))) return locale;
  }
  return site?.defaultLocale ?? 'en';
}

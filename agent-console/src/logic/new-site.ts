import { Origin, type Locale, type SiteCreate } from '@cascade/shared';
import { localeList } from '../i18n/locales.ts';

/** The fields of a new site as the inputs hold them: origins one per line. */
export interface NewSiteForm {
  name: string;
  origins: string;
  locales: Locale[];
}

export type NewSiteProblem = 'name' | 'origin' | 'locales';

export type NewSiteResult = { ok: true; site: SiteCreate } | { ok: false; problem: NewSiteProblem; line?: string };

export const emptySiteForm = (locale: Locale): NewSiteForm => ({ name: '', origins: '', locales: [locale] });

/**
 * The form read back into a new site. An origin is what the browser shows in its address bar,
 * without the path: a trailing slash is forgiven, anything else past the host is pointed out.
 */
export function readSiteForm(form: NewSiteForm): NewSiteResult {
  const name = form.name.trim();
  if (!name) return { ok: false, problem: 'name' };
  const origins = [
    ...new Set(
      form.origins
        .split(/[\n,]/)
        .map((l) => l.trim().replace(/\/$/, ''))
        .filter(Boolean),
    ),
  ];
  const bad = origins.find((o) => !Origin.safeParse(o).success);
  if (bad !== undefined) return { ok: false, problem: 'origin', line: bad };
  const locales = localeList.filter((l) => form.locales.includes(l));
  if (locales.length === 0) return { ok: false, problem: 'locales' };
  return { ok: true, site: { name, allowedOrigins: origins, locales } };
}

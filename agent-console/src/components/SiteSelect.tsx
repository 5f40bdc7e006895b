import { useT } from '../i18n/context.ts';
import type { SiteRef } from '../logic/sites.ts';

/** Which site the dashboard and admin screens act on, for agents of several sites. */
export function SiteSelect({
  sites,
  value,
  onSite,
}: {
  sites: readonly SiteRef[];
  value: string;
  onSite: (siteId: string) => void;
}) {
  const t = useT();
  return (
    <label class="inline-field">
      <span class="visually-hidden">{t.t('header.site')}</span>
      <select value={value} dir="auto" onChange={(e) => onSite(e.currentTarget.value)}>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}

import type { Role } from '@cascade/shared';
import { useT } from '../i18n/context.ts';
import { routeHash } from '../logic/route.ts';
import type { SiteRef } from '../logic/sites.ts';

/** A section the agent's role on the chosen site does not open (a link kept from another site or role). */
export function NotAllowed({ role, site }: { role: Role; site: SiteRef | null }) {
  const t = useT();
  return (
    <main class="page">
      <p class="empty-page" role="status">
        {t.t('access.needs', { role: t.t(`role.${role}`), site: site?.name ?? '' })}
      </p>
      <a class="back-link" href={routeHash({ view: 'chats' })}>
        {t.t('access.back')}
      </a>
    </main>
  );
}

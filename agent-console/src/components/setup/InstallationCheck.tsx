import type { Installation } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { getInstallation } from '../../api/setup.ts';
import { useT } from '../../i18n/context.ts';
import { useRequest } from '../../hooks/use-request.ts';

/**
 * "Check my installation": whether the widget has connected from an allowed origin yet, and
 * the origins it was refused from with the reason, so a typo in the list shows itself.
 */
export function InstallationCheck({ siteId }: { siteId: string }) {
  const t = useT();
  const [result, setResult] = useState<Installation | null>(null);
  const { busy, error, run: request } = useRequest();

  const check = async () => {
    await request(async () => {
      setResult(await getInstallation(siteId));
    });
  };

  return (
    <div class="install-check" role="group" aria-label={t.t('install.title')}>
      <button type="button" class="button" disabled={busy} onClick={() => void check()}>
        {t.t('install.check')}
      </button>
      {result && (
        <div role="status">
          {result.lastConnection ? (
            <p class="install-ok">
              {t.t('install.connected', { time: t.dateTime(result.lastConnection.at) })}{' '}
              <bdi dir="ltr">{result.lastConnection.origin}</bdi>
            </p>
          ) : (
            <p class="warning">{t.t('install.notYet')}</p>
          )}
          {result.refusals.length > 0 && (
            <>
              <p class="muted">{t.t('install.refused')}</p>
              <ul class="install-refusals" aria-label={t.t('install.refused')}>
                {result.refusals.map((r) => (
                  <li key={r.origin}>
                    {t.t('install.refusedFrom', { origin: r.origin })}{' '}
                    <span class="muted small">{t.dateTime(r.at)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

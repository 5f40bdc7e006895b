import type { SiteCreated } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { removeSite, rotateSiteKey } from '../../api/setup.ts';
import { useT } from '../../i18n/context.ts';
import { CopyButton } from '../CopyButton.tsx';
import { InstallationCheck } from '../setup/InstallationCheck.tsx';
import { NewSiteForm } from './NewSiteForm.tsx';
import { useRequest } from '../../hooks/use-request.ts';

interface Props {
  site: SiteCreated['site'];
  csrf: string;
  /** The key changed: the snippet shown above follows. */
  onRotated: (reply: SiteCreated) => void;
  /** A site was added or removed: the console reads the agent's sites again. */
  onSitesChanged: () => void;
}

/** The site's public key and its rotation, the installation check, removing the site, and adding another. */
export function SitesPanel({ site, csrf, onRotated, onSitesChanged }: Props) {
  const t = useT();
  const [asking, setAsking] = useState<'rotate' | 'remove' | null>(null);
  const [typed, setTyped] = useState('');
  const { busy, error, run: request } = useRequest();
  const [message, setMessage] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setMessage(null);
    await request(async () => {
      await action();
      setAsking(null);
    });
  };
  const rotate = () =>
    run(async () => {
      onRotated(await rotateSiteKey(site.id, csrf));
      setMessage(t.t('sites.rotated'));
    });
  const remove = () =>
    run(async () => {
      await removeSite(site.id, typed, csrf);
      onSitesChanged();
    });

  return (
    <section class="panel" aria-labelledby="sites-title">
      <h2 id="sites-title">{t.t('sites.title')}</h2>
      <div class="secret-line" role="group" aria-label={t.t('sites.key')}>
        <span>{t.t('sites.key')}</span>
        <code dir="ltr">{site.publicKey}</code>
        <CopyButton text={site.publicKey} label={t.t('sites.copyKey')} />
      </div>
      <h3>{t.t('install.title')}</h3>
      <InstallationCheck siteId={site.id} />
      <div class="button-row">
        <button type="button" class="button" onClick={() => setAsking('rotate')}>
          {t.t('sites.rotate')}
        </button>
        <button
          type="button"
          class="button danger"
          onClick={() => {
            setTyped('');
            setAsking('remove');
          }}
        >
          {t.t('sites.remove')}
        </button>
      </div>
      {asking === 'rotate' && (
        <div class="confirm-box" role="group" aria-label={t.t('sites.rotate')}>
          <p class="warning">{t.t('sites.rotateWarning')}</p>
          <div class="button-row">
            <button type="button" class="button danger" disabled={busy} onClick={() => void rotate()}>
              {t.t('sites.rotateConfirm')}
            </button>
            <button type="button" class="button quiet" onClick={() => setAsking(null)}>
              {t.t('dialog.cancel')}
            </button>
          </div>
        </div>
      )}
      {asking === 'remove' && (
        <div class="confirm-box" role="group" aria-label={t.t('sites.remove')}>
          <p class="warning">{t.t('sites.removeWarning')}</p>
          <label class="field">
            <span>{t.t('sites.removeType', { site: site.name })}</span>
            <input
              type="text"
              dir="auto"
              autocomplete="off"
              value={typed}
              onInput={(e) => setTyped(e.currentTarget.value)}
            />
          </label>
          <div class="button-row">
            <button
              type="button"
              class="button danger"
              disabled={busy || typed.trim() !== site.name}
              onClick={() => void remove()}
            >
              {t.t('sites.removeConfirm')}
            </button>
            <button type="button" class="button quiet" onClick={() => setAsking(null)}>
              {t.t('dialog.cancel')}
            </button>
          </div>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <NewSiteForm csrf={csrf} onCreated={onSitesChanged} />
    </section>
  );
}

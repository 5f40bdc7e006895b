import { useState } from 'preact/hooks';
import { rotateSecret, type SecretKind } from '../../api/sites.ts';
import { useT } from '../../i18n/context.ts';
import { CopyButton } from '../CopyButton.tsx';
import { useRequest } from '../../hooks/use-request.ts';

const kinds: readonly SecretKind[] = ['identity', 'webhook'];

/**
 * New secrets for identity verification and webhook signatures. The server keeps only the
 * new one, so it is shown here once, with the warning that the old one stops working now.
 */
export function SecretRotation({ siteId, csrf }: { siteId: string; csrf: string }) {
  const t = useT();
  const [asking, setAsking] = useState<SecretKind | null>(null);
  const [shown, setShown] = useState<{ kind: SecretKind; secret: string } | null>(null);
  const { busy, error, run: request } = useRequest();

  const rotate = async (kind: SecretKind) => {
    await request(async () => {
      setShown({ kind, secret: await rotateSecret(siteId, kind, csrf) });
      setAsking(null);
    });
  };

  return (
    <section class="panel" aria-labelledby="secrets-title">
      <h2 id="secrets-title">{t.t('secrets.title')}</h2>
      <p class="muted">{t.t('secrets.explain')}</p>
      <div class="button-row">
        {kinds.map((kind) => (
          <button
            key={kind}
            type="button"
            class="button"
            onClick={() => {
              setShown(null);
              setAsking(kind);
            }}
          >
            {t.t(`secrets.rotate.${kind}`)}
          </button>
        ))}
      </div>
      {asking && (
        <div class="confirm-box" role="group" aria-label={t.t(`secrets.rotate.${asking}`)}>
          <p class="warning">{t.t('secrets.warning')}</p>
          <div class="button-row">
            <button type="button" class="button danger" disabled={busy} onClick={() => void rotate(asking)}>
              {t.t('secrets.confirm')}
            </button>
            <button type="button" class="button quiet" onClick={() => setAsking(null)}>
              {t.t('dialog.cancel')}
            </button>
          </div>
        </div>
      )}
      {shown && (
        <div class="secret-box" role="group" aria-label={t.t(`secrets.new.${shown.kind}`)}>
          <p class="warning">{t.t('secrets.once')}</p>
          <div class="secret-line">
            <code dir="ltr">{shown.secret}</code>
            <CopyButton text={shown.secret} label={t.t(`secrets.new.${shown.kind}`)} />
          </div>
        </div>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { totpDisable, totpStatus } from '../api/integrations.ts';
import { useLoad } from '../hooks/use-load.ts';
import { useT } from '../i18n/context.ts';
import { Dialog, DialogFooter } from './Dialog.tsx';
import { TotpSetupSteps } from './TotpSetupSteps.tsx';

/**
 * The agent's own two-step sign-in: whether it is on, which sites require it, turning it on,
 * and turning it off (with the password, so an open console left alone cannot).
 */
export function TwoStepDialog({
  csrf,
  onClose,
  onTurnedOff,
}: {
  csrf: string;
  onClose: () => void;
  /** It is off now: a site may require it, so the console reads the agent again. */
  onTurnedOff: () => void;
}) {
  const t = useT();
  const status = useLoad(totpStatus, 'totp');
  const [turningOff, setTurningOff] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const turnOff = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await totpDisable(password, csrf);
      setTurningOff(false);
      setPassword('');
      status.reload();
      onTurnedOff();
    } catch (e) {
      const wrong = e instanceof ApiError && e.code === 'invalid_payload';
      setError(
        wrong ? t.t('password.wrong') : t.t('actions.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setBusy(false);
    }
  };

  const s = status.data;
  return (
    <Dialog title={t.t('totp.title')} titleId="totp-title" onClose={onClose}>
      <div class="dialog-form">
        <p class="muted">{t.t('totp.explain')}</p>
        {status.error && (
          <p class="form-error" role="alert">
            {t.t('error.generic', { message: status.error })}
          </p>
        )}
        {!s && !status.error && <p class="muted">{t.t('app.loading')}</p>}
        {s && (
          <p role="status">
            <strong>{s.enabled ? t.t('totp.on', { n: s.recoveryCodesLeft }) : t.t('totp.off')}</strong>
          </p>
        )}
        {s && s.requiredBy.length > 0 && <p dir="auto">{t.t('totp.requiredBy', { sites: s.requiredBy.join(', ') })}</p>}
        {s && !s.enabled && <TotpSetupSteps csrf={csrf} onDone={status.reload} />}
        {s?.enabled && !turningOff && (
          <div class="button-row">
            <button type="button" class="button danger" onClick={() => setTurningOff(true)}>
              {t.t('totp.disable')}
            </button>
          </div>
        )}
        {s?.enabled && turningOff && (
          <form class="dialog-form" onSubmit={turnOff}>
            {s.requiredBy.length > 0 && <p class="warning">{t.t('totp.offWarning')}</p>}
            <label class="field">
              <span>{t.t('totp.password')}</span>
              <input
                type="password"
                autocomplete="current-password"
                required
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            </label>
            <DialogFooter
              error={error}
              busy={busy}
              submitLabel={t.t('totp.disable')}
              onCancel={() => setTurningOff(false)}
            />
          </form>
        )}
        <div class="dialog-buttons">
          <button type="button" class="button quiet" onClick={onClose}>
            {t.t('password.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

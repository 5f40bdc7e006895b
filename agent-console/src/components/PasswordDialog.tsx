import { useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { changePassword } from '../api/auth.ts';
import { useT } from '../i18n/context.ts';
import { Dialog, DialogFooter } from './Dialog.tsx';
import { TextField } from './TextField.tsx';

const MIN_LENGTH = 10;

/**
 * The agent's own password: the current one, then the new one twice. `firstTime`: the current
 * one was chosen by someone else (a first or reset password) and must be replaced.
 */
export function PasswordDialog({
  csrf,
  firstTime,
  onClose,
}: {
  csrf: string;
  firstTime: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (next.length < MIN_LENGTH) {
      setError(t.t('password.short', { n: MIN_LENGTH }));
      return;
    }
    if (next !== repeat) {
      setError(t.t('password.mismatch'));
      return;
    }
    if (next === current) {
      setError(t.t('password.same'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await changePassword({ current, next }, csrf);
      setDone(true);
    } catch (e) {
      const wrong = e instanceof ApiError && e.code === 'invalid_payload' && e.message.startsWith('current');
      setError(
        wrong ? t.t('password.wrong') : t.t('actions.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={firstTime ? t.t('password.firstTitle') : t.t('password.title')}
      titleId="password-title"
      onClose={onClose}
    >
      {done ? (
        <div class="dialog-form">
          <p role="status">{t.t('password.done')}</p>
          <div class="dialog-buttons">
            <button type="button" class="button primary" onClick={onClose}>
              {t.t('password.close')}
            </button>
          </div>
        </div>
      ) : (
        <form class="dialog-form" onSubmit={submit}>
          {firstTime && <p class="warning">{t.t('password.firstIntro')}</p>}
          <TextField
            label={t.t('password.current')}
            type="password"
            autocomplete="current-password"
            required
            value={current}
            onValue={setCurrent}
          />
          <TextField
            label={t.t('password.next')}
            type="password"
            autocomplete="new-password"
            required
            value={next}
            onValue={setNext}
          />
          <TextField
            label={t.t('password.repeat')}
            type="password"
            autocomplete="new-password"
            required
            value={repeat}
            onValue={setRepeat}
          />
          <p class="muted small">{t.t('password.hint', { n: MIN_LENGTH })}</p>
          <DialogFooter error={error} busy={busy} submitLabel={t.t('password.submit')} onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}

import type { Locale } from '@cascade/shared';
import { NewPassword } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { resetPassword } from '../api/auth.ts';
import { ApiError } from '../api/http.ts';
import { useT } from '../i18n/context.ts';
import { ForgotPasswordForm } from './ForgotPasswordForm.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';
import { TextField } from './TextField.tsx';

const MIN_LENGTH = 10;

/**
 * What a reset link (`#reset/<token>`) opens: the new password twice. Done, the person logs
 * in with it; a spent or expired link offers to ask for a new one.
 */
export function ResetPasswordScreen({
  token,
  onDone,
  onLocale,
}: {
  token: string;
  /** Leaves for the login screen. */
  onDone: () => void;
  onLocale: (l: Locale) => void;
}) {
  const t = useT();
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<'form' | 'done' | 'expired' | 'askAgain'>('form');

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!NewPassword.safeParse(next).success) {
      setError(t.t('password.short', { n: MIN_LENGTH }));
      return;
    }
    if (next !== repeat) {
      setError(t.t('password.mismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await resetPassword({ token, password: next });
      setState('done');
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'not_found' || e.code === 'invalid_payload')) setState('expired');
      else setError(t.t('actions.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <div class="login-card">
        <div class="login-top">
          <span class="brand">{t.t('app.brand')}</span>
          <LanguageSelect onLocale={onLocale} />
        </div>
        {state === 'askAgain' && <ForgotPasswordForm initialEmail="" onBack={onDone} />}
        {state === 'done' && (
          <div class="login-form">
            <h1>{t.t('reset.title')}</h1>
            <p role="status">{t.t('reset.done')}</p>
            <button type="button" class="button primary wide" onClick={onDone}>
              {t.t('login.submit')}
            </button>
          </div>
        )}
        {state === 'expired' && (
          <div class="login-form">
            <h1>{t.t('reset.title')}</h1>
            <p class="form-error" role="alert">
              {t.t('reset.expired')}
            </p>
            <button type="button" class="button primary wide" onClick={() => setState('askAgain')}>
              {t.t('reset.askAgain')}
            </button>
            <button type="button" class="link-button" onClick={onDone}>
              {t.t('forgot.back')}
            </button>
          </div>
        )}
        {state === 'form' && (
          <form class="login-form" onSubmit={submit}>
            <h1>{t.t('reset.title')}</h1>
            <TextField
              label={t.t('password.next')}
              type="password"
              name="new-password"
              autocomplete="new-password"
              dir="ltr"
              required
              value={next}
              onValue={setNext}
            />
            <TextField
              label={t.t('password.repeat')}
              type="password"
              name="repeat-password"
              autocomplete="new-password"
              dir="ltr"
              required
              value={repeat}
              onValue={setRepeat}
            />
            <p class="muted small">{t.t('reset.hint', { n: MIN_LENGTH })}</p>
            {error && (
              <p class="form-error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" class="button primary wide" disabled={busy}>
              {t.t('reset.submit')}
            </button>
            <button type="button" class="link-button" onClick={onDone}>
              {t.t('forgot.back')}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}

import { useState } from 'preact/hooks';
import { forgotPassword } from '../api/auth.ts';
import { useT } from '../i18n/context.ts';
import { TextField } from './TextField.tsx';

/**
 * Asks for a reset link. The answer is the server's, the same for any email, so the screen
 * never says whether the email has an account.
 */
export function ForgotPasswordForm({ initialEmail, onBack }: { initialEmail: string; onBack: () => void }) {
  const t = useT();
  const [email, setEmail] = useState(initialEmail);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await forgotPassword(email.trim());
      setSent(true);
    } catch (e) {
      setError(t.t('forgot.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="login-form" onSubmit={submit}>
      <h1>{t.t('forgot.title')}</h1>
      {sent ? (
        <p role="status">{t.t('forgot.sent')}</p>
      ) : (
        <>
          <p class="muted">{t.t('forgot.intro')}</p>
          <TextField
            label={t.t('login.email')}
            type="email"
            name="email"
            autocomplete="username"
            dir="ltr"
            required
            value={email}
            onValue={setEmail}
          />
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="button primary wide" disabled={busy}>
            {t.t('forgot.submit')}
          </button>
        </>
      )}
      <button type="button" class="link-button" onClick={onBack}>
        {t.t('forgot.back')}
      </button>
    </form>
  );
}

import type { Locale, Me } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { login } from '../api/auth.ts';
import { ApiError } from '../api/http.ts';
import { useT } from '../i18n/context.ts';
import { loginCode } from '../logic/reset-link.ts';
import { ForgotPasswordForm } from './ForgotPasswordForm.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';
import { askPermission } from '../notify.ts';
import { JoinNotice } from './setup/JoinNotice.tsx';
import { TextField } from './TextField.tsx';

/**
 * Email and password; then, for an account with two-step sign-in, the app's code. "Forgot
 * password?" swaps the form for the reset request.
 */
export function LoginScreen({ onSignedIn, onLocale }: { onSignedIn: (me: Me) => void; onLocale: (l: Locale) => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  /** Set once the password was right and the account asks for its second factor. */
  const [code, setCode] = useState<string | null>(null);
  const [forgot, setForgot] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    askPermission();
    event.preventDefault();
    const typed = code === null ? undefined : loginCode(code);
    if (code !== null && !typed) {
      setError(t.t('login.codeNeeded'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login({ email: email.trim(), password, ...(typed ? { code: typed } : {}) }));
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.code === 'second_factor_required') {
        setCode('');
        return;
      }
      const wrong = e instanceof ApiError && (e.status === 401 || e.code === 'invalid_payload');
      setError(
        wrong
          ? t.t(code === null ? 'login.wrong' : 'login.codeWrong')
          : t.t('login.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    }
  };
  const startOver = () => {
    setCode(null);
    setPassword('');
    setError(null);
  };

  const top = (
    <div class="login-top">
      <span class="brand">{t.t('app.brand')}</span>
      <LanguageSelect onLocale={onLocale} />
    </div>
  );
  if (forgot) {
    return (
      <main class="login">
        <div class="login-card">
          {top}
          <ForgotPasswordForm initialEmail={email} onBack={() => setForgot(false)} />
        </div>
      </main>
    );
  }

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit}>
        {top}
        <h1>{code === null ? t.t('login.heading') : t.t('totp.title')}</h1>
        {code === null ? (
          <>
            <JoinNotice />
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
            <TextField
              label={t.t('login.password')}
              type="password"
              name="password"
              autocomplete="current-password"
              dir="ltr"
              required
              value={password}
              onValue={setPassword}
            />
          </>
        ) : (
          <>
            <p class="muted">{t.t('login.codeNeeded')}</p>
            <TextField
              label={t.t('login.code')}
              type="text"
              name="code"
              autocomplete="one-time-code"
              dir="ltr"
              spellcheck={false}
              required
              autoFocus
              value={code}
              onValue={setCode}
            />
          </>
        )}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button primary wide" disabled={busy}>
          {code === null ? t.t('login.submit') : t.t('login.codeSubmit')}
        </button>
        {busy && (
          <p class="muted" aria-live="polite">
            {t.t('login.busy')}
          </p>
        )}
        {code === null ? (
          <button type="button" class="link-button" onClick={() => setForgot(true)}>
            {t.t('login.forgot')}
          </button>
        ) : (
          <button type="button" class="link-button" onClick={startOver}>
            {t.t('login.startOver')}
          </button>
        )}
      </form>
    </main>
  );
}

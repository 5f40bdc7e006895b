import type { Locale, Me } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { login } from '../api/auth.ts';
import { ApiError } from '../api/http.ts';
import { useT } from '../i18n/context.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
import { askPermission } from '../notify.ts';
import { JoinNotice } from './setup/JoinNotice.tsx';

export function LoginScreen({ onSignedIn, onLocale }: { onSignedIn: (me: Me) => void; onLocale: (l: Locale) => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    askPermission();
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login({ email: email.trim(), password }));
    } catch (e) {
      const wrong = e instanceof ApiError && (e.status === 401 || e.code === 'invalid_payload');
      setError(
        wrong ? t.t('login.wrong') : t.t('login.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit}>
        <div class="login-top">
          <span class="brand">{t.t('app.brand')}</span>
          <LanguageSelect onLocale={onLocale} />
        </div>
        <h1>{t.t('login.heading')}</h1>
        <JoinNotice />
        <label class="field">
          <span>{t.t('login.email')}</span>
          <input
            type="email"
            name="email"
            autocomplete="username"
            dir="ltr"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t.t('login.password')}</span>
          <input
            type="password"
            name="password"
            autocomplete="current-password"
            dir="ltr"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button primary wide" disabled={busy}>
          {t.t('login.submit')}
        </button>
        {busy && (
          <p class="muted" aria-live="polite">
            {t.t('login.busy')}
          </p>
        )}
      </form>
    </main>
  );
}

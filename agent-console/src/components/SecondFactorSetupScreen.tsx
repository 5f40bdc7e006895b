import type { Locale, Me } from '@cascade/shared';
import { logout } from '../api/auth.ts';
import { totpStatus } from '../api/integrations.ts';
import { useLoad } from '../hooks/use-load.ts';
import { useT } from '../i18n/context.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
import { TotpSetupSteps } from './TotpSetupSteps.tsx';

/**
 * All the console shows while a site of the agent requires two-step sign-in that they have not
 * turned on: the server refuses everything else until they do (no inbox, no chats routed).
 */
export function SecondFactorSetupScreen({
  me,
  onDone,
  onSignedOut,
  onLocale,
}: {
  me: Me;
  /** It is on: read the agent again, and the console opens. */
  onDone: () => void;
  onSignedOut: () => void;
  onLocale: (l: Locale) => void;
}) {
  const t = useT();
  const status = useLoad(totpStatus, me.agent.id);
  const sites = status.data?.requiredBy.join(', ') ?? '';
  const signOut = async () => {
    await logout(me.csrfToken).catch(() => undefined);
    onSignedOut();
  };
  return (
    <main class="login">
      <div class="login-card setup-card">
        <div class="login-top">
          <span class="brand">{t.t('app.brand')}</span>
          <LanguageSelect onLocale={onLocale} />
        </div>
        <h1>{t.t('totpRequired.title')}</h1>
        {sites && (
          <p dir="auto" class="muted">
            {t.t('totpRequired.intro', { sites })}
          </p>
        )}
        <p class="muted">{t.t('totp.explain')}</p>
        {status.error && (
          <p class="form-error" role="alert">
            {t.t('error.generic', { message: status.error })}
          </p>
        )}
        <TotpSetupSteps csrf={me.csrfToken} onDone={onDone} />
        <button type="button" class="link-button" onClick={() => void signOut()}>
          {t.t('header.logout')}
        </button>
      </div>
    </main>
  );
}

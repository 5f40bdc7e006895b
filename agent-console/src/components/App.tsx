import type { Locale, Me } from '@cascade/shared';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { currentAgent } from '../api/auth.ts';
import { onSetupRequired } from '../api/second-factor.ts';
import { TranslatorContext } from '../i18n/context.ts';
import { isLocale } from '../i18n/locales.ts';
import { createTranslator } from '../i18n/translator.ts';
import { browserStorage, storageKeys } from '../state/storage.ts';
import { ConsoleScreen } from './ConsoleScreen.tsx';
import { SignedOutScreen } from './setup/SignedOutScreen.tsx';
import { resetTokenFromHash } from '../logic/reset-link.ts';
import { ResetPasswordScreen } from './ResetPasswordScreen.tsx';
import { SecondFactorSetupScreen } from './SecondFactorSetupScreen.tsx';

type Session = { kind: 'loading' } | { kind: 'signedOut' } | { kind: 'signedIn'; me: Me };

const preferences = browserStorage('local');

/** Restores the session, then shows the login (or first-run, or invitation) screen or the console, in the agent's language. */
export function App() {
  const [session, setSession] = useState<Session>({ kind: 'loading' });
  // A reset link is answered before anything else: the reset ends every session anyway.
  const [resetToken, setResetToken] = useState(() => resetTokenFromHash(location.hash));
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(() => {
    const stored = preferences.get(storageKeys.locale);
    return isLocale(stored) ? stored : null;
  });
  const locale: Locale = chosenLocale ?? (session.kind === 'signedIn' ? session.me.agent.locale : 'en');
  const translator = useMemo(() => createTranslator(locale), [locale]);

  // Before the browser paints: the new language's words never show in the old direction.
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = translator.dir;
  }, [locale, translator]);

  useEffect(() => {
    currentAgent()
      .then((me) => setSession(me ? { kind: 'signedIn', me } : { kind: 'signedOut' }))
      .catch(() => setSession({ kind: 'signedOut' }));
  }, []);

  const chooseLocale = useCallback((next: Locale) => {
    preferences.set(storageKeys.locale, next);
    setChosenLocale(next);
  }, []);
  const signedOut = useCallback(() => setSession({ kind: 'signedOut' }), []);
  const signedIn = useCallback((me: Me) => setSession({ kind: 'signedIn', me }), []);
  const reloadMe = useCallback(() => {
    void currentAgent()
      .catch(() => null)
      .then((me) => setSession(me ? { kind: 'signedIn', me } : { kind: 'signedOut' }));
  }, []);
  // A site began to require two-step sign-in: the server now refuses the console's calls.
  useEffect(() => onSetupRequired(reloadMe), [reloadMe]);
  const resetDone = useCallback(() => {
    history.replaceState(null, '', location.pathname + location.search);
    setResetToken(null);
    setSession({ kind: 'signedOut' });
  }, []);

  return (
    <TranslatorContext.Provider value={translator}>
      {resetToken && <ResetPasswordScreen token={resetToken} onDone={resetDone} onLocale={chooseLocale} />}
      {!resetToken && session.kind === 'loading' && <p class="splash">{translator.t('app.loading')}</p>}
      {!resetToken && session.kind === 'signedOut' && <SignedOutScreen onSignedIn={signedIn} onLocale={chooseLocale} />}
      {!resetToken && session.kind === 'signedIn' && session.me.secondFactorSetupRequired && (
        <SecondFactorSetupScreen me={session.me} onDone={reloadMe} onSignedOut={signedOut} onLocale={chooseLocale} />
      )}
      {!resetToken && session.kind === 'signedIn' && !session.me.secondFactorSetupRequired && (
        <ConsoleScreen
          me={session.me}
          onMe={signedIn}
          onSignedOut={signedOut}
          onLocale={chooseLocale}
          preferences={preferences}
        />
      )}
    </TranslatorContext.Provider>
  );
}

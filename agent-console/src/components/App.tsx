import type { Locale, Me } from '@cascade/shared';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { currentAgent } from '../api/auth.ts';
import { TranslatorContext } from '../i18n/context.ts';
import { isLocale } from '../i18n/locales.ts';
import { createTranslator } from '../i18n/translator.ts';
import { browserStorage, storageKeys } from '../state/storage.ts';
import { ConsoleScreen } from './ConsoleScreen.tsx';
import { SignedOutScreen } from './setup/SignedOutScreen.tsx';

type Session = { kind: 'loading' } | { kind: 'signedOut' } | { kind: 'signedIn'; me: Me };

const preferences = browserStorage('local');

/** Restores the session, then shows the login (or first-run, or invitation) screen or the console, in the agent's language. */
export function App() {
  const [session, setSession] = useState<Session>({ kind: 'loading' });
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(() => {
    const stored = preferences.get(storageKeys.locale);
    return isLocale(stored) ? stored : null;
  });
  const locale: Locale = chosenLocale ?? (session.kind === 'signedIn' ? session.me.agent.locale : 'en');
  const translator = useMemo(() => createTranslator(locale), [locale]);

  useEffect(() => {
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

  return (
    <TranslatorContext.Provider value={translator}>
      {session.kind === 'loading' && <p class="splash">{translator.t('app.loading')}</p>}
      {session.kind === 'signedOut' && <SignedOutScreen onSignedIn={signedIn} onLocale={chooseLocale} />}
      {session.kind === 'signedIn' && (
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

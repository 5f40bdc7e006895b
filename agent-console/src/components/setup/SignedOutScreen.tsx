import type { Locale, Me } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { linkFromHash, type LinkRoute } from '../../logic/link-route.ts';
import { LoginScreen } from '../LoginScreen.tsx';
import { InviteScreen } from './InviteScreen.tsx';
import { SetupScreen } from './SetupScreen.tsx';

interface Props {
  onSignedIn: (me: Me) => void;
  onLocale: (locale: Locale) => void;
}

/** Before anyone is signed in: the first-run setup, a new person's invitation, or the login form. */
export function SignedOutScreen({ onSignedIn, onLocale }: Props) {
  const [link, setLink] = useState<LinkRoute | null>(() => linkFromHash(location.hash));
  /** To the login form; with a code, the invitation is accepted once signed in (`#join/<code>`). */
  const toLogin = (joinCode: string | null) => {
    history.replaceState(null, '', joinCode ? `#join/${joinCode}` : '#/chats');
    setLink(null);
  };
  if (link?.kind === 'setup') {
    return <SetupScreen token={link.token} onSignedIn={onSignedIn} onLocale={onLocale} onLogin={() => toLogin(null)} />;
  }
  if (link?.kind === 'invite') {
    return <InviteScreen code={link.token} onSignedIn={onSignedIn} onLocale={onLocale} onLogin={toLogin} />;
  }
  return <LoginScreen onSignedIn={onSignedIn} onLocale={onLocale} />;
}

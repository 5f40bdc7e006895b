import type { InvitationPreview, Locale, Me } from '@cascade/shared';
import { useEffect, useState } from 'preact/hooks';
import { currentAgent } from '../../api/auth.ts';
import { ApiError } from '../../api/http.ts';
import { joinWithInvitation, previewInvitation } from '../../api/invitations.ts';
import { useT } from '../../i18n/context.ts';
import { LanguageSelect } from '../LanguageSelect.tsx';
import { MIN_PASSWORD, PasswordFields, passwordProblem } from './PasswordFields.tsx';
import { TextField } from '../TextField.tsx';

interface Props {
  code: string;
  onSignedIn: (me: Me) => void;
  onLocale: (locale: Locale) => void;
  /** The invitation is for an existing account (or gone): log in instead, then accept. */
  onLogin: (joinCode: string | null) => void;
}

type Preview = { kind: 'loading' } | { kind: 'gone' } | { kind: 'ready'; invitation: InvitationPreview };

/** A new person opens their invitation link: they see the site and the role, choose a name and password, and join. */
export function InviteScreen({ code, onSignedIn, onLocale, onLogin }: Props) {
  const t = useT();
  const [preview, setPreview] = useState<Preview>({ kind: 'loading' });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    previewInvitation(code)
      .then((invitation) => setPreview({ kind: 'ready', invitation }))
      .catch(() => setPreview({ kind: 'gone' }));
  }, [code]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const weak = passwordProblem(password, repeat);
    if (weak) {
      setError(t.t(weak, { n: MIN_PASSWORD }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await joinWithInvitation({ code, name: name.trim(), password });
      const me = await currentAgent();
      history.replaceState(null, '', '#/chats');
      if (me) onSignedIn(me);
      else onLogin(null);
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'not_found'
          ? t.t('invite.gone')
          : e instanceof ApiError && e.code === 'conflict'
            ? t.t('invite.hasAccount')
            : t.t('actions.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
      setBusy(false);
    }
  };

  const invitation = preview.kind === 'ready' ? preview.invitation : null;
  return (
    <main class="login">
      <div class="login-card">
        <div class="login-top">
          <span class="brand">{t.t('app.brand')}</span>
          <LanguageSelect onLocale={onLocale} />
        </div>
        <h1>{t.t('invite.heading')}</h1>
        {preview.kind === 'loading' && <p class="muted">{t.t('app.loading')}</p>}
        {preview.kind === 'gone' && (
          <>
            <p class="form-error" role="alert">
              {t.t('invite.gone')}
            </p>
            <button type="button" class="button" onClick={() => onLogin(null)}>
              {t.t('setup.toLogin')}
            </button>
          </>
        )}
        {invitation?.existingAccount && (
          <>
            <p>{t.t('invite.offer', { site: invitation.site, role: t.t(`role.${invitation.role}`) })}</p>
            <p class="muted">{t.t('invite.existing', { email: invitation.email })}</p>
            <button type="button" class="button primary wide" onClick={() => onLogin(code)}>
              {t.t('setup.toLogin')}
            </button>
          </>
        )}
        {invitation && !invitation.existingAccount && (
          <form onSubmit={submit}>
            <p role="status">{t.t('invite.offer', { site: invitation.site, role: t.t(`role.${invitation.role}`) })}</p>
            <p class="muted">
              {t.t('invite.as')} <bdi dir="ltr">{invitation.email}</bdi>
            </p>
            <TextField
              label={t.t('setup.name')}
              type="text"
              dir="auto"
              autocomplete="name"
              required
              maxLength={100}
              value={name}
              onValue={setName}
            />
            <PasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
            {error && (
              <p class="form-error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" class="button primary wide" disabled={busy}>
              {t.t('invite.submit')}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}

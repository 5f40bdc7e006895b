import type { Locale, Me, SiteCreated } from '@cascade/shared';
import { useEffect, useState } from 'preact/hooks';
import { currentAgent } from '../../api/auth.ts';
import { ApiError } from '../../api/http.ts';
import { completeSetup, setupTokenValid } from '../../api/setup.ts';
import { useT } from '../../i18n/context.ts';
import { emptySiteForm, readSiteForm, type NewSiteForm } from '../../logic/new-site.ts';
import { LanguageSelect } from '../LanguageSelect.tsx';
import { MIN_PASSWORD, PasswordFields, passwordProblem } from './PasswordFields.tsx';
import { SiteFields } from './SiteFields.tsx';
import { SiteReady } from './SiteReady.tsx';
import { TextField } from '../TextField.tsx';

interface Props {
  token: string;
  onSignedIn: (me: Me) => void;
  onLocale: (locale: Locale) => void;
  /** The link is used or replaced: show the login form instead. */
  onLogin: () => void;
}

/**
 * The first run, from the one-time link printed at start: the owner's account and the first
 * site, then the snippet and the check that the widget connects from the page it was pasted in.
 */
export function SetupScreen({ token, onSignedIn, onLocale, onLogin }: Props) {
  const t = useT();
  const [valid, setValid] = useState<boolean | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [site, setSite] = useState<NewSiteForm>(() => emptySiteForm(t.locale));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<SiteCreated | null>(null);

  useEffect(() => {
    setupTokenValid(token)
      .then(setValid)
      .catch(() => setValid(false));
  }, [token]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const weak = passwordProblem(password, repeat);
    if (weak) {
      setError(t.t(weak, { n: MIN_PASSWORD }));
      return;
    }
    const read = readSiteForm(site);
    if (!read.ok) {
      setError(t.t(`siteForm.problem.${read.problem}`, { line: read.line ?? '' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setCreated(
        await completeSetup({ token, owner: { name: name.trim(), email: email.trim(), password }, site: read.site }),
      );
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'not_found'
          ? t.t('setup.used')
          : t.t('actions.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setBusy(false);
    }
  };

  const open = async () => {
    const me = await currentAgent().catch(() => null);
    history.replaceState(null, '', '#/chats');
    if (me) onSignedIn(me);
    else onLogin();
  };

  return (
    <main class="login setup">
      <div class="login-card setup-card">
        <div class="login-top">
          <span class="brand">{t.t('app.brand')}</span>
          <LanguageSelect onLocale={onLocale} />
        </div>
        <h1>{t.t('setup.heading')}</h1>
        {valid === null && <p class="muted">{t.t('app.loading')}</p>}
        {valid === false && !created && (
          <>
            <p class="form-error" role="alert">
              {t.t('setup.used')}
            </p>
            <button type="button" class="button" onClick={onLogin}>
              {t.t('setup.toLogin')}
            </button>
          </>
        )}
        {valid && !created && (
          <form class="setup-form" onSubmit={submit}>
            <p class="muted">{t.t('setup.intro')}</p>
            <fieldset class="setup-part">
              <legend>{t.t('setup.owner')}</legend>
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
              <TextField
                label={t.t('login.email')}
                type="email"
                autocomplete="username"
                dir="ltr"
                required
                value={email}
                onValue={setEmail}
              />
              <PasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
            </fieldset>
            <fieldset class="setup-part">
              <legend>{t.t('setup.site')}</legend>
              <SiteFields form={site} idPrefix="setup" onChange={setSite} />
            </fieldset>
            {error && (
              <p class="form-error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" class="button primary wide" disabled={busy}>
              {t.t('setup.submit')}
            </button>
          </form>
        )}
        {created && (
          <>
            <p role="status">{t.t('setup.done')}</p>
            <SiteReady siteId={created.site.id} name={created.site.name} snippet={created.snippet} />
            <button type="button" class="button primary wide" onClick={() => void open()}>
              {t.t('setup.open')}
            </button>
          </>
        )}
      </div>
    </main>
  );
}

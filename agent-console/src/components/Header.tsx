import type { Locale, Me } from '@cascade/shared';
import { useState } from 'preact/hooks';
import { useT } from '../i18n/context.ts';
import { routeHash, type Route } from '../logic/route.ts';
import { sectionOf, sectionsFor, type Section, type SiteRef } from '../logic/sites.ts';
import type { ChosenStatus } from '../state/console-state.ts';
import { LanguageSelect } from './LanguageSelect.tsx';
import { codeFromHash } from '../logic/invitation.ts';
import { JoinDialog } from './JoinDialog.tsx';
import { LanguagesDialog } from './LanguagesDialog.tsx';
import { PasswordDialog } from './PasswordDialog.tsx';
import { SiteSelect } from './SiteSelect.tsx';
import { TwoStepDialog } from './TwoStepDialog.tsx';

interface Props {
  me: Me;
  site: SiteRef | null;
  status: ChosenStatus;
  unread: number;
  route: Route;
  muted: boolean;
  onSite: (siteId: string) => void;
  onStatus: (status: ChosenStatus) => void;
  onLocale: (locale: Locale) => void;
  onToggleMute: () => void;
  onLogout: () => void;
  /** Ends this agent's sessions on every device. */
  onLogoutEverywhere: () => void;
  /** The agent joined a site or chose their own password: read their record again. */
  onMeChanged: () => void;
}

const statuses: readonly ChosenStatus[] = ['online', 'away', 'break', 'busy'];

export function Header({
  me,
  site,
  status,
  unread,
  route,
  muted,
  onSite,
  onStatus,
  onLocale,
  onToggleMute,
  onLogout,
  onLogoutEverywhere,
  onMeChanged,
}: Props) {
  const t = useT();
  // A password someone else chose (a first or reset one) is replaced before anything else.
  const [changingPassword, setChangingPassword] = useState(me.passwordChangeRequired);
  const [twoStep, setTwoStep] = useState(false);
  const [languages, setLanguages] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [joining, setJoining] = useState<{ code: string | null } | null>(() => {
    const code = codeFromHash(location.hash);
    return code ? { code } : null;
  });
  const closeJoin = () => {
    if (codeFromHash(location.hash)) history.replaceState(null, '', routeHash({ view: 'chats' }));
    setJoining(null);
  };
  const current = sectionOf(route);
  const sections: Section[] = sectionsFor(site?.role ?? 'agent');
  return (
    <header class="topbar">
      <div class="topbar-group">
        <span class="brand">{t.t('app.brand')}</span>
        <nav class="nav" aria-label={t.t('header.nav')}>
          {sections.map((section) => (
            <a
              key={section}
              href={routeHash({ view: section })}
              aria-current={current === section ? 'page' : undefined}
            >
              {t.t(`nav.${section}`)}
              {section === 'chats' && unread > 0 && <span class="badge">{t.num(unread)}</span>}
            </a>
          ))}
        </nav>
      </div>
      <div class="topbar-group">
        <div class="who">
          <span class="who-name" dir="auto">
            {me.agent.name}
          </span>
          {me.sites.length === 1 && (
            <span class="who-sites" dir="auto" title={t.t('header.sites')}>
              {me.sites[0]?.name}
            </span>
          )}
        </div>
        {me.sites.length > 1 && site && <SiteSelect sites={me.sites} value={site.id} onSite={onSite} />}
        {/* Four statuses fit a select where buttons would crowd the header at 768 px. */}
        <label class={`status-choice status-${status}`}>
          <span class="dot" aria-hidden="true" />
          <select
            aria-label={t.t('header.status')}
            value={status}
            onChange={(e) => onStatus(statuses.find((s) => s === e.currentTarget.value) ?? status)}
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t.t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <LanguageSelect onLocale={onLocale} />
        <button
          type="button"
          class="button icon"
          aria-pressed={muted}
          title={muted ? t.t('header.unmute') : t.t('header.mute')}
          onClick={onToggleMute}
        >
          <BellIcon muted={muted} />
          <span class="visually-hidden">{t.t('header.mute')}</span>
        </button>
        {/* On narrower screens the account actions fold into a menu (styles.css), so the header fits. */}
        <div class="account-menu">
          <button
            type="button"
            class="button quiet menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="account-actions"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            {t.t('header.menu')}
          </button>
          <div id="account-actions" class={menuOpen ? 'account-actions open' : 'account-actions'}>
            <button type="button" class="button quiet" onClick={() => setJoining({ code: null })}>
              {t.t('header.join')}
            </button>
            <button type="button" class="button quiet" onClick={() => setLanguages(true)}>
              {t.t('header.languages')}
            </button>
            <button type="button" class="button quiet" onClick={() => setChangingPassword(true)}>
              {t.t('header.password')}
            </button>
            <button type="button" class="button quiet" onClick={() => setTwoStep(true)}>
              {t.t('header.totp')}
            </button>
            <button type="button" class="button quiet" onClick={onLogout}>
              {t.t('header.logout')}
            </button>
            <button type="button" class="button quiet" onClick={onLogoutEverywhere}>
              {t.t('header.logoutEverywhere')}
            </button>
          </div>
        </div>
      </div>
      {changingPassword && (
        <PasswordDialog
          csrf={me.csrfToken}
          firstTime={me.passwordChangeRequired}
          onClose={() => {
            setChangingPassword(false);
            if (me.passwordChangeRequired) onMeChanged();
          }}
        />
      )}
      {languages && (
        <LanguagesDialog
          me={me}
          onClose={() => setLanguages(false)}
          onSaved={() => {
            setLanguages(false);
            onMeChanged();
          }}
        />
      )}
      {twoStep && <TwoStepDialog csrf={me.csrfToken} onClose={() => setTwoStep(false)} onTurnedOff={onMeChanged} />}
      {joining && !changingPassword && (
        <JoinDialog
          csrf={me.csrfToken}
          initialCode={joining.code}
          onClose={closeJoin}
          onJoined={() => {
            closeJoin();
            onMeChanged();
          }}
        />
      )}
    </header>
  );
}

function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
    >
      <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z" stroke-linejoin="round" />
      <path d="M10 20a2 2 0 0 0 4 0" />
      {muted && <path d="M4 4l16 16" stroke-linecap="round" />}
    </svg>
  );
}

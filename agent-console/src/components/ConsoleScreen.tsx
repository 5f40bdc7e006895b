import { ChosenStatus, type Locale, type Me } from '@cascade/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { currentAgent, logout } from '../api/auth.ts';
import { createChime } from '../audio/beep.ts';
import { askPermission, notifyDesktop } from '../notify.ts';
import { useDrafts } from '../hooks/use-drafts.ts';
import { useIdle } from '../hooks/use-idle.ts';
import { useSkillCatalogues } from '../hooks/use-skill-catalogues.ts';
import { useHashRoute } from '../hooks/use-hash-route.ts';
import { useTabKeys } from '../hooks/use-tab-keys.ts';
import { isWindowFocused, useWindowFocus } from '../hooks/use-window-focus.ts';
import { useT } from '../i18n/context.ts';
import { SkillNamesContext } from '../i18n/skill-names.ts';
import { chooseSite, hasRole, neededRole, sectionOf } from '../logic/sites.ts';
import { titleWithBadge } from '../logic/title.ts';
import { parseRoute } from '../logic/route.ts';
import { FileLinks } from './file-links.ts';
import { createAgentSocket } from '../socket/agent-socket.ts';
import { attentionCount } from '../state/attention.ts';
import { consoleReducer, initialState } from '../state/console-state.ts';
import { createConsoleController } from '../state/controller.ts';
import { browserStorage, storageKeys, type KeyValue } from '../state/storage.ts';
import { createStore, useStoreState } from '../state/store.ts';
import { AgentsPage } from './agents/AgentsPage.tsx';
import { ChatArea } from './ChatArea.tsx';
import { DashboardPage } from './dashboard/DashboardPage.tsx';
import { Header } from './Header.tsx';
import { AuditPage } from './history/AuditPage.tsx';
import { ConversationPage } from './history/ConversationPage.tsx';
import { ConversationsPage } from './history/ConversationsPage.tsx';
import { Inbox } from './Inbox.tsx';
import { KnowledgeBasePage } from './kb/KnowledgeBasePage.tsx';
import { MissedPage } from './kb/MissedPage.tsx';
import { NotAllowed } from './NotAllowed.tsx';
import { SettingsPage } from './settings/SettingsPage.tsx';
import { StatusBar } from './StatusBar.tsx';
import { AllChatsPage } from './supervision/AllChatsPage.tsx';
import { MonitorPage } from './supervision/MonitorPage.tsx';
import { TicketDetailPage } from './TicketDetailPage.tsx';
import { TicketsPage } from './TicketsPage.tsx';

interface Props {
  me: Me;
  /** The agent's record read again (after joining a site or choosing a password). */
  onMe: (me: Me) => void;
  onSignedOut: () => void;
  onLocale: (locale: Locale) => void;
  preferences: KeyValue;
}

const session = browserStorage('session');

/** The signed-in console: one socket, one store, and the screens that read them. */
export function ConsoleScreen({ me, onMe, onSignedOut, onLocale, preferences }: Props) {
  const t = useT();
  const route = useHashRoute();
  const [muted, setMuted] = useState(() => preferences.get(storageKeys.muted) === 'true');
  const mutedRef = useRef(muted);
  mutedRef.current = muted;
  const chime = useMemo(createChime, []);
  const [siteId, setSiteId] = useState(() => preferences.get(storageKeys.site));
  const site = chooseSite(me.sites, siteId);
  const section = sectionOf(route);
  const allowed = hasRole(site?.role ?? 'agent', neededRole(section));

  const store = useMemo(() => {
    const remembered = ChosenStatus.safeParse(preferences.get(storageKeys.status));
    const status: ChosenStatus = remembered.success ? remembered.data : 'online';
    return createStore(consoleReducer, initialState(status));
  }, [me, preferences]);
  const controller = useMemo(
    () =>
      createConsoleController(createAgentSocket(), store, {
        me,
        // A chat selected in the Inbox is not being read while the agent is on another page.
        isFocused: () => isWindowFocused() && parseRoute(location.hash).view === 'chats',
        alert: (body) => {
          if (!mutedRef.current) chime.play();
          notifyDesktop(document.title, body);
        },
        session,
        preferences,
        checkSession: async () => (await currentAgent().catch(() => null)) !== null,
        onSignedOut,
      }),
    [store, me, chime, preferences, onSignedOut],
  );
  useEffect(() => {
    controller.start();
    return () => controller.stop();
  }, [controller]);

  const state = useStoreState(store);
  const skillCatalogues = useSkillCatalogues(me, controller);
  const drafts = useDrafts(session);
  // The status is the agent's on every site; the idle time is the one of the site in view.
  useIdle(site?.autoAwaySeconds ?? null, controller.idle, controller.active);

  const unread = Object.values(state.chats).reduce((sum, chat) => sum + chat.unread, 0);
  const attention = attentionCount(state, me.agent);
  useEffect(() => {
    document.title = titleWithBadge(t.t('app.title'), attention, (n, title) => t.t('app.titleBadge', { n, title }));
  }, [attention, t]);

  // Browsers allow sound only after the page was used; any click or key unlocks it.
  useEffect(() => {
    const unlock = () => chime.unlock();
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [chime]);

  const inInbox = route.view === 'chats';
  const seen = useCallback(() => {
    if (parseRoute(location.hash).view === 'chats') store.dispatch({ type: 'seen' });
  }, [store]);
  useWindowFocus(seen);
  // Coming back to the Inbox reads the chat that was left open there.
  useEffect(() => {
    if (inInbox && isWindowFocused()) seen();
  }, [inInbox, seen]);
  useTabKeys(state.order, controller.select);

  const toggleMute = () => {
    preferences.set(storageKeys.muted, muted ? null : 'true');
    setMuted(!muted);
    askPermission();
  };
  const chooseSiteId = (id: string) => {
    preferences.set(storageKeys.site, id);
    setSiteId(id);
  };
  const reloadMe = () => {
    void currentAgent()
      .catch(() => null)
      .then((fresh) => (fresh ? onMe(fresh) : onSignedOut()));
  };
  const signOut = async (everywhere = false) => {
    await logout(me.csrfToken, everywhere).catch(() => undefined);
    controller.stop();
    onSignedOut();
  };

  return (
    <FileLinks.Provider value={controller.fileLink}>
      <SkillNamesContext.Provider value={skillCatalogues}>
        <div class="console">
          <Header
            me={me}
            site={site}
            status={state.status}
            unread={unread}
            route={route}
            muted={muted}
            onSite={chooseSiteId}
            onStatus={controller.setStatus}
            onLocale={onLocale}
            onToggleMute={toggleMute}
            onLogout={() => void signOut()}
            onLogoutEverywhere={() => void signOut(true)}
            onMeChanged={reloadMe}
          />
          <StatusBar connection={state.connection} notice={state.notice} onDismiss={controller.dismissNotice} />
          {route.view === 'chats' && (
            <div class="workspace">
              <Inbox me={me} state={state} controller={controller} />
              <ChatArea me={me} state={state} controller={controller} drafts={drafts} />
            </div>
          )}
          {route.view === 'tickets' && <TicketsPage me={me} />}
          {route.view === 'ticket' && (
            <TicketDetailPage ticketId={route.ticketId} me={me} onTicketEmail={controller.onTicketEmail} />
          )}
          {!allowed && <NotAllowed role={neededRole(section)} site={site} />}
          {allowed && site && route.view === 'dashboard' && (
            <DashboardPage site={site} controller={controller} connection={state.connection} />
          )}
          {allowed && site && route.view === 'supervise' && (
            <AllChatsPage site={site} controller={controller} connection={state.connection} />
          )}
          {allowed && site && route.view === 'monitor' && (
            <MonitorPage
              site={site}
              conversationId={route.conversationId}
              me={me}
              controller={controller}
              connection={state.connection}
            />
          )}
          {allowed && site && route.view === 'missed' && <MissedPage site={site} csrf={me.csrfToken} />}
          {allowed && site && route.view === 'kb' && <KnowledgeBasePage site={site} csrf={me.csrfToken} />}
          {allowed && site && route.view === 'settings' && (
            <SettingsPage site={site} csrf={me.csrfToken} onSitesChanged={reloadMe} />
          )}
          {allowed && site && route.view === 'agents' && <AgentsPage site={site} me={me} />}
          {allowed && site && route.view === 'conversations' && <ConversationsPage site={site} me={me} />}
          {allowed && route.view === 'conversation' && (
            <ConversationPage
              conversationId={route.conversationId}
              me={me}
              controller={controller}
              connection={state.connection}
            />
          )}
          {allowed && site && route.view === 'audit' && <AuditPage site={site} />}
        </div>
      </SkillNamesContext.Provider>
    </FileLinks.Provider>
  );
}

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatNumber } from '../../i18n/format.ts';
import { isRtl, pickLocale } from '../../i18n/pick.ts';
import { errorShown, isEnded, unreadCount } from '../../timeline.ts';
import { stringsOf, useCatalogue } from '../catalogues.ts';
import type { Connection } from '../connection.ts';
import { Chat, type ChatContext } from '../context.ts';
import { files as filesChunk, lazy, lazyPart, type FilesChunk } from '../lazy.tsx';
import { trapTab } from '../focus.ts';
import type { Store } from '../store.ts';
import { asksPreChat } from '../../prechat.ts';
import { Composer } from './Composer.tsx';
import { Header } from './Header.tsx';
import { MessageList } from './MessageList.tsx';
import { QueueStatus } from './QueueStatus.tsx';

// Shown to few visitors, so fetched only when shown.
const PreChat = lazyPart(() => import('./PreChatForm.tsx').then((m) => m.PreChatForm));
const TicketOffer = lazyPart(() => import('./TicketOffer.tsx').then((m) => m.TicketOffer));
// The rating, transcript and ticket contact: fetched once a chat ends.
const EndOfChat = lazyPart(() => import('./EndOfChat.tsx').then((m) => m.EndOfChat));
// Earlier conversations: fetched the first time the visitor opens them.
const earlier = lazy(() => import('../earlier/Earlier.tsx'));

function useStore(store: Store) {
  const [, redraw] = useState(0);
  const state = store.getState();
  // Subscribed as the first render commits, not after the next paint: a chat opened in between
  // (a click on a busy machine) stayed hidden and unfocused until some other change.
  useLayoutEffect(() => {
    const off = store.subscribe(() => redraw((n) => n + 1));
    if (store.getState() !== state) redraw((n) => n + 1);
    return off;
  }, [store]);
  return state;
}

/** Distance from the bottom within which new content keeps the view scrolled to the end. */
const STICK_PX = 48;

type EarlierView = typeof import('../earlier/Earlier.tsx').Earlier;

/** How the loader's "the visitor opened the chat" reaches the composer. */
export type FocusTarget = { focus(): void };

export function App({
  store,
  conn,
  close,
  composer,
}: {
  store: Store;
  conn: Connection;
  close: () => void;
  composer: FocusTarget;
}) {
  const state = useStore(store);
  const locale = useCatalogue(pickLocale(state.locale, state.site, navigator.languages));
  const t = useMemo(() => stringsOf(locale), [locale]);
  // The conversation an action failed in: its error is not carried into the next one.
  const [failedIn, setFailedIn] = useState<string | null | undefined>();
  const panel = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const stick = useRef(true);
  const [Earlier, setEarlier] = useState<EarlierView | null>(null);
  const [files, setFiles] = useState<FilesChunk | null>(null);

  // Focus moves in when the visitor opens the panel (also before this code had loaded),
  // never when a new page restores it open.
  composer.focus = () => input.current?.focus();
  useEffect(() => {
    if (state.open) store.dispatch({ type: 'read' });
  }, [state.open, state.messages]);
  useLayoutEffect(() => {
    if (body.current && stick.current) body.current.scrollTop = body.current.scrollHeight;
  });

  const chat: ChatContext = {
    state,
    locale,
    t,
    conn,
    close,
    attach(list) {
      // Copied now: the picker's list is emptied for the next pick, the clipboard's after the event.
      const picked = [...(list ?? [])];
      if (picked.length)
        filesChunk.get().then((m) => {
          setFailedIn(undefined);
          setFiles(m);
          m.attach(chat, picked);
        }, unfetched);
    },
    async attempt(outcome) {
      const ok = await outcome;
      setFailedIn(ok ? undefined : (c?.id ?? null));
      return ok;
    },
  };
  const c = state.conversation;
  // A chunk that could not be fetched: the generic error, and the visitor's next try fetches it again.
  const unfetched = (): void => setFailedIn(c?.id ?? null);
  const ended = !!c && isEnded(c);
  const left = state.site?.theme.position === 'left' ? ' left' : '';
  const unread = state.open ? 0 : unreadCount(state.messages, state.readUpTo);
  const asking = asksPreChat(state);

  return (
    <Chat.Provider value={chat}>
      {unread > 0 && (
        // On the launcher's corner; the launcher's own label tells screen readers the count.
        <span class={`badge${left}`} aria-hidden="true">
          {formatNumber(locale, unread)}
        </span>
      )}
      <div
        ref={panel}
        class={`panel${left}`}
        role="dialog"
        aria-labelledby="cw-title"
        dir={isRtl(locale) ? 'rtl' : 'ltr'}
        lang={locale}
        hidden={!state.open}
        // Files dropped anywhere on the panel are attached.
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          chat.attach(e.dataTransfer?.files);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
          else if (e.key === 'Tab' && panel.current) trapTab(e, panel.current);
        }}
      >
        <Header
          earlier={() =>
            earlier.get().then((m) => {
              setFailedIn(undefined);
              setEarlier(() => m.Earlier);
            }, unfetched)
          }
        />
        {state.link === 'reconnecting' && (
          <p class="banner" role="status">
            {t('conn.reconnecting')}
          </p>
        )}
        {state.link === 'blocked' && (
          <p class="banner" role="alert">
            {t('conn.blocked')}
          </p>
        )}
        {Earlier ? (
          <Earlier back={() => setEarlier(null)} />
        ) : (
          <>
            <div
              class="body"
              ref={body}
              onScroll={(e) => {
                const el = e.currentTarget;
                stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
              }}
            >
              <MessageList />
              {files && <files.Uploads />}
              {asking && <PreChat />}
              {c?.state === 'queued' && c.queue && <QueueStatus queue={c.queue} />}
              {(c?.state === 'offered_ticket' || (c?.state === 'queued' && c.queue?.available === false)) && (
                <TicketOffer queue={c.queue} waiting={c.state === 'queued'} />
              )}
              {c && ended && <EndOfChat key={c.id} conversation={c} />}
            </div>
            {errorShown(failedIn, c, state.messages) && (
              <p class="error" role="alert">
                {t('error.generic')}
              </p>
            )}
            {!asking && <Composer inputRef={input} />}
          </>
        )}
      </div>
    </Chat.Provider>
  );
}

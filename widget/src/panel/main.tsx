import type { VisitorMessage as Message } from '@cascade/shared';
import { render } from 'preact';
import { adopt } from '../adopt.ts';
import type { Host, Panel } from '../bridge.ts';
import { parseCommand } from '../commands.ts';
import { formatNumber } from '../i18n/format.ts';
import { pickLocale } from '../i18n/pick.ts';
import { keyStore, storageKey } from '../storage.ts';
import { needsConnection, unreadCount } from '../timeline.ts';
import { fetchCatalogue, stringsOf } from './catalogues.ts';
import { App, type FocusTarget } from './components/App.tsx';
import { createConnection } from './connection.ts';
import { persist, restore } from './persist.ts';
import css from './panel.css?inline';
import { createStore } from './store.ts';
import { titleFlasher } from './title.ts';

/** Called by the loader once this chunk has arrived: draws the panel into the widget's shadow root. */
export function mount(host: Host): Panel {
  adopt(host.root, css);
  const local = keyStore('localStorage', host.siteKey);
  const store = createStore({ ...restore(local), open: host.open, locale: host.locale });
  persist(store, local);
  const listeners: ((message: Message) => void)[] = [];
  const localeNow = () => {
    const s = store.getState();
    return pickLocale(s.locale, s.site, navigator.languages);
  };
  const conn = createConnection({
    base: new URL(host.base),
    siteKey: host.siteKey,
    store,
    local,
    locale: localeNow,
    onMessage(message) {
      for (const listener of listeners) {
        try {
          listener(message);
        } catch (error) {
          console.error(error);
        }
      }
    },
  });

  function call(args: ArrayLike<unknown>): void {
    const command = parseCommand(args);
    switch (command?.kind) {
      case 'identify':
        return conn.identify(command.token);
      case 'setLocale':
        store.dispatch({ type: 'locale', locale: command.locale });
        return conn.setLocale(command.locale);
      case 'set':
        return conn.setAttributes(command.attributes);
      case 'on':
        return void listeners.push(command.listener);
      case 'shutdown':
        conn.stop();
        return store.dispatch({ type: 'reset' });
      default:
        // The invitation bubble runs `trigger`.
        if (args[0] !== 'trigger') console.warn('Cascade: unknown call', args[0]);
    }
  }
  for (const args of host.queue) call(args);

  // The panel is drawn once the visitor's strings are here, so no text is missing or in another
  // language; the language depends on the site's, so they are fetched once the config (usually
  // already fetched by the loader) says which.
  const drawn = host.config
    .then((site) => {
      if (site && !store.getState().site) store.dispatch({ type: 'site', site });
      return fetchCatalogue(localeNow());
    })
    .then(draw);

  const flash = titleFlasher();
  let launcher = '';
  const showUnread = (): void => {
    const s = store.getState();
    const locale = localeNow();
    const count = s.open ? 0 : unreadCount(s.messages, s.readUpTo);
    const badge = count ? formatNumber(locale, count) : '';
    if (launcher !== locale + badge) host.showLauncher(locale, badge);
    launcher = locale + badge;
    flash(count ? stringsOf(locale)('title.flash', { n: count }) : null);
  };
  store.subscribe(showUnread);
  showUnread();

  // Sockets only for visitors who chat: a live conversation or unsent messages connect now,
  // everyone else when they open the chat (or when another tab of theirs starts one).
  if (host.open || needsConnection(store.getState())) conn.start();
  addEventListener('storage', (e) => {
    if (e.key === storageKey(host.siteKey, 'live') && e.newValue) conn.start();
  });
  conn.watchPages();

  const composer: FocusTarget = { focus() {} };
  function draw(): void {
    const container = document.createElement('div');
    host.root.append(container);
    render(<App store={store} conn={conn} close={() => host.requestOpen(false)} composer={composer} />, container);
  }

  return {
    setOpen(open) {
      store.dispatch({ type: 'open', open });
      if (open) {
        conn.start();
        // After the render that shows the panel.
        void drawn.then(() => setTimeout(() => composer.focus()));
      }
    },
    call,
  };
}

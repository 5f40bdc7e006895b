import type { Locale, PublicSiteConfig } from '@cascade/shared';
import { adopt } from '../adopt.ts';
import type { BubbleModule, Host, Panel, PanelModule } from '../bridge.ts';
import { drainQueue } from '../commands.ts';
import { asLocale, pickLocale } from '../i18n/pick.ts';
import { attempt, forgetAll, storageKey } from '../storage.ts';
import css from './launcher.css?inline';
import { createLauncher } from './launcher.ts';

type CascadeApi = ((...args: unknown[]) => void) & { q?: unknown; ready?: true };
const page = window as unknown as { Cascade?: CascadeApi };

// Read now: document.currentScript is only set while this script first runs.
const script = document.currentScript as HTMLScriptElement | null;
const siteKey = script?.dataset.siteKey;
if (script && siteKey && !page.Cascade?.ready) start(script, siteKey);

function whenIdle(run: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 3000);
}

function start(script: HTMLScriptElement, siteKey: string): void {
  const base = new URL('.', script.src);
  const openKey = storageKey(siteKey, 'open');
  const queue: ArrayLike<unknown>[] = [];
  const locale = asLocale(script.dataset.locale);
  let site: PublicSiteConfig | null = null;
  // Set by the panel once loaded: it then decides the language and the unread count.
  let chosen: Locale | null = null;
  let unread = '';
  // The panel stays open across page navigations within the tab.
  let open = attempt(() => sessionStorage.getItem(openKey), null) === '1';
  let panel: Panel | null = null;
  let loading: Promise<Panel> | null = null;

  const element = document.createElement('cascade-widget');
  const root = element.attachShadow({ mode: 'open' });
  adopt(root, css);
  const launcher = createLauncher(root, element, () => setOpen(!open));
  const render = (): void =>
    launcher.update(open, chosen ?? pickLocale(locale, site, navigator.languages), unread, site?.theme);

  const config: Promise<PublicSiteConfig | null> = fetch(
    new URL(`api/widget/config?siteKey=${encodeURIComponent(siteKey)}`, base),
  )
    .then((res) => (res.ok ? (res.json() as Promise<PublicSiteConfig>) : null))
    .catch(() => null);
  void config.then((c) => {
    site = c;
    render();
    // Only sites with enabled invitation rules make the visitor fetch the bubble before the chat opens.
    if (c?.proactive)
      void import(/* @vite-ignore */ new URL(`widget/${__BUBBLE_FILE__}`, base).href).then((m: BubbleModule) =>
        m.start(host),
      );
  });

  const host: Host = {
    root,
    base: base.href,
    siteKey,
    config,
    locale,
    queue,
    get open() {
      return open;
    },
    requestOpen: setOpen,
    showLauncher(l, count) {
      chosen = l;
      unread = count;
      render();
    },
  };

  function load(): Promise<Panel> {
    loading ??= import(/* @vite-ignore */ new URL(`widget/${__PANEL_FILE__}`, base).href).then(
      (module: PanelModule) => (panel = module.mount(host)),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  }

  function setOpen(next: boolean): void {
    if (next === open) return;
    open = next;
    attempt(() => (next ? sessionStorage.setItem(openKey, '1') : sessionStorage.removeItem(openKey)), undefined);
    render();
    if (next) {
      load().then(
        (p) => p.setOpen(true),
        () => setOpen(false),
      );
      return;
    }
    // Give focus back to the launcher only if it was in the panel, never steal it from the page.
    const focusInside = root.activeElement !== null;
    panel?.setOpen(false);
    if (focusInside) launcher.button.focus();
  }

  function call(args: ArrayLike<unknown>): void {
    const name = args[0];
    if (name === 'open' || name === 'close') return setOpen(name === 'open');
    // Forget the visitor now: a logout is often followed at once by a page change.
    if (name === 'shutdown') {
      forgetAll(siteKey);
      setOpen(false);
    }
    // Kept after the panel has arrived too: the invitation bubble reads them all.
    queue.push(args);
    panel?.call(args);
  }

  const queued = page.Cascade?.q;
  const api: CascadeApi = (...args) => call(args);
  api.ready = true;
  page.Cascade = api;

  render();
  // Beside <body>, not in it: present even before the body is parsed, and out of reach of
  // frameworks that re-render the body and of a body with a transform (which breaks position: fixed).
  document.documentElement.append(element);
  drainQueue(queued, call);

  // Opened on an earlier page: show the conversation at once; otherwise fetch the panel when the
  // page is idle (if that fails, opening the chat tries again).
  if (open) load().catch(() => setOpen(false));
  else whenIdle(() => void load().catch(() => undefined));
}

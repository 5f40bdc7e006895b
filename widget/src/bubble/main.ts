import type { Locale, ProactiveRule } from '@cascade/shared';
import { adopt } from '../adopt.ts';
import type { Host } from '../bridge.ts';
import { isRtl } from '../i18n/pick.ts';
import { bubbleClose } from '../locales/bubble.ts';
import css from './bubble.css?inline';
import { allowed, matches, type Visit } from './rules.ts';
import { visitMemory } from './visit.ts';

const page = window as unknown as { Cascade: (...args: unknown[]) => void };

/** A visitor message this long before the invitation was opened is not counted as its chat (clock skew). */
const SKEW_MS = 60_000;

/**
 * Weighs the site's rules on this page, shows the first that holds as a bubble by the launcher,
 * and counts it shown, opened and chatted from. `Cascade('trigger', name)` shows a rule now,
 * whatever its conditions, within its caps.
 */
export async function start(host: Host): Promise<void> {
  const site = await host.config;
  const proactive = site?.proactive;
  if (!site || !proactive) return;
  const { defaultLocale, rules, visitorEveryHours } = { ...site, ...proactive };
  const memory = visitMemory(host.siteKey);
  const visit: Visit = {
    path: location.pathname,
    pages: memory.pages,
    returning: memory.returning,
    identified: false,
    attributes: {},
    open: proactive.open,
  };
  /** Rules whose time on the page has passed, weighed again when the page sets attributes. */
  const due: ProactiveRule[] = [];
  let bubble: HTMLElement | null = null;
  let listening = false;
  adopt(host.root, css);

  const report = (rule: string, step: string): void =>
    void fetch(new URL('api/widget/proactive', host.base), {
      method: 'POST',
      body: JSON.stringify({ siteKey: host.siteKey, rule, step }),
      keepalive: true,
    }).catch(() => undefined);

  function show(rule: ProactiveRule): void {
    const now = Date.now();
    if (bubble || host.open || !allowed(rule, visitorEveryHours, memory.shown(), now)) return;
    memory.markShown(rule.name, now);
    report(rule.name, 'shown');
    // The launcher's language: the loader's or the panel's choice for this visitor.
    const locale = (host.root.querySelector('button')?.lang || defaultLocale) as Locale;
    const text = rule.message[locale] ?? rule.message[defaultLocale] ?? '';
    bubble = document.createElement('div');
    bubble.className = 'invite';
    bubble.setAttribute('role', 'status');
    bubble.lang = locale;
    bubble.dir = isRtl(locale) ? 'rtl' : 'ltr';
    const say = document.createElement('button');
    say.textContent = text;
    const close = document.createElement('button');
    close.textContent = '×';
    close.setAttribute('aria-label', bubbleClose[locale]);
    bubble.append(say, close);
    host.root.append(bubble);
    close.addEventListener('click', () => bubble?.remove());
    say.addEventListener('click', () => {
      bubble?.remove();
      report(rule.name, 'opened');
      memory.invite(rule.name, Date.now());
      countChat();
      host.requestOpen(true);
    });
  }

  function weigh(rule: ProactiveRule): void {
    if (matches(rule, visit)) show(rule);
  }

  function onCall(args: ArrayLike<unknown>): void {
    const [name, arg] = Array.from(args);
    const rule = rules.find((r) => r.name === arg);
    if (name === 'trigger' && rule) show(rule);
    if (name === 'identify') visit.identified = true;
    if (name === 'set' && typeof arg === 'object' && arg) {
      // `null` removes an attribute, as it does for the agent's view.
      const merged = Object.entries({ ...visit.attributes, ...arg });
      visit.attributes = Object.fromEntries(merged.filter(([, value]) => value !== null));
    }
    if (name === 'identify' || name === 'set') due.forEach(weigh);
  }

  // Calls made before this chunk arrived first (a trigger waits there), then every new one: the
  // page's `Cascade` now passes each call to the loader, then here.
  host.queue.forEach(onCall);
  const loaderApi = page.Cascade;
  page.Cascade = Object.assign(
    (...args: unknown[]) => {
      loaderApi(...args);
      onCall(args);
    },
    { ready: true },
  );

  for (const rule of rules) {
    if (rule.manual) continue;
    const wait = (rule.conditions.secondsOnPage ?? 0) * 1000 - performance.now();
    setTimeout(
      () => {
        due.push(rule);
        weigh(rule);
      },
      Math.max(0, wait),
    );
  }
  if (memory.invited()) countChat();

  /** The first message the visitor writes after opening an invitation (on this page or a later one) is its chat. */
  function countChat(): void {
    if (listening) return;
    listening = true;
    page.Cascade('on', 'message', (message: { author: string; ts: number }) => {
      const invited = memory.invited();
      if (!invited || message.author !== 'visitor' || message.ts < invited[1] - SKEW_MS) return;
      memory.invite(null, 0);
      report(invited[0], 'chatted');
    });
  }
}

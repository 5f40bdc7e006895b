import { keyStore } from '../storage.ts';
import type { Shown } from './rules.ts';

/**
 * What the bubble remembers: pages of this visit and the invitation opened in it (sessionStorage),
 * whether the browser came before and when each rule last showed (localStorage).
 */
export function visitMemory(siteKey: string) {
  const tab = keyStore('sessionStorage', siteKey);
  const browser = keyStore('localStorage', siteKey);
  // A new visit is a tab with no page counted yet; it is returning if the browser came before.
  const pages = Number(tab.get('pages') ?? 0) + 1;
  if (pages === 1) tab.set('returning', browser.get('seen') ? '1' : '0');
  tab.set('pages', String(pages));
  browser.set('seen', '1');
  return {
    pages,
    returning: tab.get('returning') === '1',
    shown(): Shown {
      try {
        return JSON.parse(browser.get('shown') ?? '{}') as Shown;
      } catch {
        return {};
      }
    },
    markShown(rule: string, now: number): void {
      browser.set('shown', JSON.stringify({ ...this.shown(), [rule]: now, '': now }));
    },
    /** The rule whose bubble opened the chat in this visit, and when, until the visitor writes. */
    invited: (): [string, number] | null => {
      const [rule, at] = (tab.get('invited') ?? '').split(' ');
      return rule && at ? [rule, Number(at)] : null;
    },
    invite: (rule: string | null, now: number): void => tab.set('invited', rule && `${rule} ${now}`),
  };
}
export type VisitMemory = ReturnType<typeof visitMemory>;

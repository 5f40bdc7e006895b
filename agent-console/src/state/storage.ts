/**
 * Browser storage that never throws: storage can be disabled or full, and the console
 * must keep working without it.
 */
export interface KeyValue {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

export function browserStorage(kind: 'local' | 'session'): KeyValue {
  const area = (): Storage | null => {
    try {
      return kind === 'local' ? window.localStorage : window.sessionStorage;
    } catch {
      return null;
    }
  };
  return {
    get(key) {
      try {
        return area()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        if (value === null) area()?.removeItem(key);
        else area()?.setItem(key, value);
      } catch {
        // Storage is a convenience here; losing it only loses a remembered preference.
      }
    },
  };
}

/** Keys of everything the console remembers in the browser. */
export const storageKeys = {
  /** sessionStorage: the chat that was selected, re-opened after a reload. */
  selected: 'cascade.console.selected',
  /** sessionStorage: unsent drafts per chat. */
  drafts: 'cascade.console.drafts',
  /** localStorage: the agent's chosen language. */
  locale: 'cascade.console.locale',
  /** localStorage: whether alert sounds are muted. */
  muted: 'cascade.console.muted',
  /** localStorage: online or away, as the agent last chose. */
  status: 'cascade.console.status',
  /** localStorage: the site the dashboard and admin screens act on. */
  site: 'cascade.console.site',
} as const;

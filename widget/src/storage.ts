/**
 * What the widget keeps in the host page's storage, per site key. The invitation bubble keeps
 * `pages`, `returning` and `invited` per tab, `seen` and `shown` per browser.
 */
export type StoredKey =
  'token' | 'outbox' | 'read' | 'live' | 'open' | 'pages' | 'returning' | 'invited' | 'seen' | 'shown';

export interface KeyStore {
  get(key: StoredKey): string | null;
  set(key: StoredKey, value: string | null): void;
}

type Area = 'localStorage' | 'sessionStorage';

/** The raw storage key, also for matching `storage` events from other tabs. */
export const storageKey = (siteKey: string, key: StoredKey): string => `cascade:${siteKey}:${key}`;

// Storage can be missing or throw (privacy modes, sandboxed frames, quota): the widget then
// works for the current page only instead of breaking.
export function attempt<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

export function keyStore(area: Area, siteKey: string): KeyStore {
  return {
    get: (key) => attempt(() => window[area].getItem(storageKey(siteKey, key)), null),
    set: (key, value) =>
      attempt(() => {
        if (value === null) window[area].removeItem(storageKey(siteKey, key));
        else window[area].setItem(storageKey(siteKey, key), value);
      }, undefined),
  };
}

/** Removes everything Cascade stored for this site, in both storages (logout on a shared computer). */
export function forgetAll(siteKey: string): void {
  const prefix = storageKey(siteKey, '' as StoredKey);
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    attempt(() => {
      for (const key of Object.keys(window[area])) if (key.startsWith(prefix)) window[area].removeItem(key);
    }, undefined);
  }
}

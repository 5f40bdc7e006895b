import { useEffect, useState } from 'preact/hooks';
import type { Connection } from '../state/console-state.ts';

export interface Live<T> {
  value: T | null;
  /** When this value was current, to keep its wait times running. */
  receivedAt: number;
  error: string | null;
}

/**
 * A value the server pushes as it changes: fetched once, then replaced by every push. Fetched
 * again after a reconnect, since pushes sent meanwhile were missed; `key` names what is shown
 * (the site), and a new key starts over.
 */
export function useLive<T>(
  key: string,
  connection: Connection,
  load: () => Promise<T>,
  subscribe: (push: (value: T) => void) => () => void,
  /** Fetches again this often as well, for a server that pushes only to those who asked lately. */
  refreshMs?: number,
): Live<T> {
  const [live, setLive] = useState<Live<T>>({ value: null, receivedAt: 0, error: null });
  useEffect(() => {
    setLive({ value: null, receivedAt: 0, error: null });
  }, [key]);
  useEffect(() => {
    if (connection !== 'online') return;
    let current = true;
    const off = subscribe((value) => setLive({ value, receivedAt: Date.now(), error: null }));
    const fetchNow = () => {
      let pushedSince = false;
      const offPush = subscribe(() => (pushedSince = true));
      load()
        .then((value) => {
          // A push that arrived while this was on its way is newer than it.
          if (current && !pushedSince) setLive({ value, receivedAt: Date.now(), error: null });
        })
        .catch((e: unknown) => current && setLive((l) => ({ ...l, error: e instanceof Error ? e.message : String(e) })))
        .finally(offPush);
    };
    fetchNow();
    const timer = refreshMs ? setInterval(fetchNow, refreshMs) : undefined;
    return () => {
      current = false;
      clearInterval(timer);
      off();
    };
    // `load` and `subscribe` are made anew on each render; what they read is named by `key`.
  }, [key, connection, refreshMs]);
  return live;
}

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload: () => void;
  /** Replaces the data after a change the server confirmed, without asking again. */
  set: (data: T) => void;
}

/**
 * Loads once per change of `key` and again on `reload()`; a late answer for an old key is
 * dropped. A reload keeps showing the data it replaces; a new key starts empty.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const loadedKey = useRef(key);
  // `load` is a new closure on every render; `key` is what says it asks for something else.
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let current = true;
    if (loadedKey.current !== key) {
      loadedKey.current = key;
      setData(null);
    }
    setError(null);
    latest
      .current()
      .then((value) => current && setData(value))
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, reload, set: setData };
}

import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `intervalMs`, for live "waiting 3m" labels. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

import { useEffect } from 'preact/hooks';

/** What counts as the agent being at the console. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'focus'] as const;
/** The server hears of activity at most this often; more often for short idle times. */
const TELL_EVERY_MS = 30_000;

/**
 * Calls `onIdle` once the console has seen no activity for `seconds` (null: never). Activity
 * starts the count again, so an agent who keeps working is never called idle. Activity is also
 * passed on (`onActive`, a few times per idle time at most) so that the server, which sets away
 * the agents whose console went quiet (a closed laptop), knows this one is still here.
 */
export function useIdle(seconds: number | null, onIdle: () => void, onActive: () => void): void {
  useEffect(() => {
    if (seconds === null) return;
    const tellEvery = Math.min(TELL_EVERY_MS, (seconds * 1000) / 3);
    let toldAt = 0;
    let timer = setTimeout(onIdle, seconds * 1000);
    const active = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, seconds * 1000);
      const now = Date.now();
      if (now - toldAt >= tellEvery) {
        toldAt = now;
        onActive();
      }
    };
    for (const e of ACTIVITY) window.addEventListener(e, active, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, active, { capture: true });
    };
  }, [seconds, onIdle, onActive]);
}

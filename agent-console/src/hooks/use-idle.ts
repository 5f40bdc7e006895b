import { useEffect } from 'preact/hooks';

/** What counts as the agent being at the console. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'focus'] as const;

/**
 * Calls `onIdle` once the console has seen no activity for `seconds` (null: never). Activity
 * starts the count again, so an agent who keeps working is never called idle.
 */
export function useIdle(seconds: number | null, onIdle: () => void): void {
  useEffect(() => {
    if (seconds === null) return;
    let timer = setTimeout(onIdle, seconds * 1000);
    const active = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, seconds * 1000);
    };
    for (const e of ACTIVITY) window.addEventListener(e, active, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, active, { capture: true });
    };
  }, [seconds, onIdle]);
}

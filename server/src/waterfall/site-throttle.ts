/**
 * Runs a per-site job at once when it has not run for `intervalMs`, otherwise once more at the
 * end of the interval: a burst of changes on one site costs one pass per interval, however many
 * changes it holds, and a quiet site still hears of a change at once.
 */
export function siteThrottle(
  run: (siteId: string) => Promise<void>,
  intervalMs: number,
  onError: (e: unknown, siteId: string) => void,
) {
  const lastRun = new Map<string, number>();
  const trailing = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  function runNow(siteId: string): Promise<void> {
    lastRun.set(siteId, Date.now());
    return run(siteId).catch((e: unknown) => {
      if (!stopped) onError(e, siteId);
    });
  }

  return {
    /** Resolves once a pass that sees this change has run, or has been scheduled to. */
    request(siteId: string): Promise<void> {
      if (stopped || trailing.has(siteId)) return Promise.resolve();
      const wait = (lastRun.get(siteId) ?? -Infinity) + intervalMs - Date.now();
      if (wait <= 0) return runNow(siteId);
      const timer = setTimeout(() => {
        trailing.delete(siteId);
        void runNow(siteId);
      }, wait);
      timer.unref();
      trailing.set(siteId, timer);
      return Promise.resolve();
    },
    stop(): void {
      stopped = true;
      for (const t of trailing.values()) clearTimeout(t);
      trailing.clear();
    },
  };
}

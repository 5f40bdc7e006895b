/**
 * Work a namespace has started on behalf of a socket. Shutdown waits for it before Redis
 * closes, so a disconnect that arrived just before the stop is handled, not cut off midway.
 */
export function inFlight() {
  const running = new Set<Promise<unknown>>();
  return {
    track<T>(work: Promise<T>): Promise<T> {
      running.add(work);
      work.then(
        () => running.delete(work),
        () => running.delete(work),
      );
      return work;
    },
    async settled(): Promise<void> {
      await Promise.allSettled([...running]);
    },
  };
}

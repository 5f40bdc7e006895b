/**
 * An overall limit for a benchmark run. A run that waits for an event that never comes uses no
 * CPU and prints nothing; this says what it was waiting for when the limit passed, lets the run
 * clean up after itself (at most `cleanupMs`), and exits with a failure.
 */
export function watchdog(limitMs: number, cleanup: () => Promise<void>, cleanupMs = 80_000) {
  let stage = 'start-up';
  let progress: () => string = () => '';
  let gaveUp = false;
  const giveUp = (why: string): void => {
    // Cleaning up closes sockets, which fails whatever still waits on them: that is no news.
    if (gaveUp) return;
    gaveUp = true;
    process.stderr.write(`${why}; it was waiting for: ${stage} ${progress()}\n`);
    setTimeout(() => process.exit(1), cleanupMs).unref();
    cleanup().then(
      () => process.exit(1),
      (e: unknown) => {
        process.stderr.write(`cleaning up failed too: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  const timer = setTimeout(() => giveUp(`gave up after ${limitMs / 1000} s`), limitMs);
  timer.unref();
  return {
    /** Names what the run waits for now, and how to say how far it got. */
    stage(name: string, howFar: () => string = () => ''): void {
      stage = name;
      progress = howFar;
    },
    /** The run failed: says where, then cleans up. */
    fail(e: unknown): void {
      clearTimeout(timer);
      giveUp(`failed: ${e instanceof Error ? e.message : String(e)}`);
    },
    done(): void {
      clearTimeout(timer);
    },
  };
}

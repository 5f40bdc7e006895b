/**
 * Test-only fault injection: a process started with `CASCADE_CRASH_AT=<point>` kills itself
 * with SIGKILL when it reaches that point, as a power cut would, so the crash tests can prove
 * that what it left half done is finished by the others. Unset in production: a no-op.
 */
const target = process.env.CASCADE_CRASH_AT ?? '';

export function crashPoint(point: string): void {
  if (target !== '' && target === point) process.kill(process.pid, 'SIGKILL');
}

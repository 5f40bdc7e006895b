import { CascadeError } from '@cascade/shared';

/** A step that lost to another one on the same conversation (it changed state first) is not an error. */
export function ignoreIfMovedOn(e: unknown): void {
  if (e instanceof CascadeError && (e.code === 'conflict' || e.code === 'invalid_state')) return;
  throw e;
}

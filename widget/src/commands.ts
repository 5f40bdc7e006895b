import type { Locale, VisitorMessage as Message, SetAttributes } from '@cascade/shared';
import { asLocale } from './i18n/pick.ts';

/**
 * The calls the panel runs. `open` and `close` never reach it: the loader handles them itself,
 * since it must react before the panel has loaded.
 */
export type Command =
  | { kind: 'identify'; token: string }
  | { kind: 'setLocale'; locale: Locale }
  | { kind: 'set'; attributes: SetAttributes['attributes'] }
  | { kind: 'on'; listener: (message: Message) => void }
  | { kind: 'shutdown' };

/** Checks one call's arguments; a call Cascade does not understand is null, never a throw. */
export function parseCommand(args: ArrayLike<unknown>): Command | null {
  const [name, arg, extra] = Array.from(args);
  switch (name) {
    case 'identify': {
      const token = typeof arg === 'object' && arg !== null ? (arg as { token?: unknown }).token : undefined;
      return typeof token === 'string' && token.length > 0 && token.length <= 4096 ? { kind: 'identify', token } : null;
    }
    case 'setLocale': {
      const locale = asLocale(arg);
      return locale ? { kind: 'setLocale', locale } : null;
    }
    case 'set':
      // Names, values and sizes are the server's to check.
      return typeof arg === 'object' && arg ? { kind: 'set', attributes: arg as SetAttributes['attributes'] } : null;
    case 'on':
      return arg === 'message' && typeof extra === 'function'
        ? { kind: 'on', listener: extra as (message: Message) => void }
        : null;
    case 'shutdown':
      return { kind: 'shutdown' };
    default:
      return null;
  }
}

/** Runs the calls the inline stub queued before the loader arrived, oldest first. */
export function drainQueue(queue: unknown, run: (args: ArrayLike<unknown>) => void): void {
  if (!Array.isArray(queue)) return;
  for (const args of queue) if (args) run(args as ArrayLike<unknown>);
}

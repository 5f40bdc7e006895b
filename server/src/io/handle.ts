import { CascadeError, fail, ok, type Ack } from '@cascade/shared';
import type { z } from 'zod';

export type Logger = { error: (obj: unknown, msg?: string) => void; warn: (obj: unknown, msg?: string) => void };

/**
 * Turns a schema and a function into a socket handler that parses the payload, runs, and
 * answers with the ack envelope. A bad payload or a refused step never throws past here.
 */
export function handler(log: Logger) {
  /** `extra` is handed from the caller to `run` as is (the socket, for handlers shared by all sockets). */
  return function handle<S extends z.ZodType, R extends object, X extends unknown[] = []>(
    schema: S,
    run: (input: z.infer<S>, ...extra: X) => Promise<R>,
  ) {
    return async (payload: unknown, ack?: unknown, ...extra: X): Promise<void> => {
      const reply = typeof ack === 'function' ? (ack as (r: Ack<R>) => void) : () => {};
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
        reply(fail('invalid_payload', `${where}${issue?.message ?? 'invalid payload'}`));
        return;
      }
      try {
        reply(ok(await run(parsed.data, ...extra)));
      } catch (e) {
        if (e instanceof CascadeError) {
          reply(fail(e.code, e.message));
          return;
        }
        log.error({ err: e }, 'socket handler failed');
        reply(fail('internal', 'something went wrong on our side; please try again'));
      }
    };
  };
}

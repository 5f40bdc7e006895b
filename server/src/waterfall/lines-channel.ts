import { randomUUID } from 'node:crypto';
import type { PubSub, Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { Log } from '../log.ts';

/**
 * Every process tells its own waiting visitors their place (place-teller.ts), so a line moved in
 * one process is news to the others: this carries "processId siteId" on `linesChannel`. The
 * sender's announcer throttles it, so it costs one message per site per interval, not per change.
 */
export function linesChannel(redis: Pick<Redis, 'publish'>, k: Keys, log: Pick<Log, 'warn'>) {
  const processId = randomUUID();
  return {
    moved: (siteId: string): void => {
      redis
        .publish(k.linesChannel, `${processId} ${siteId}`)
        .catch((e: unknown) => log.warn({ err: e, siteId }, 'the lines-moved notice was not sent'));
    },
    /** Calls `heard` for each site whose lines another process moved. */
    async listen(sub: PubSub, heard: (siteId: string) => Promise<void>): Promise<void> {
      await sub.subscribe(k.linesChannel, (message) => {
        const [from, siteId] = message.split(' ');
        if (from !== processId && siteId) void heard(siteId);
      });
    },
  };
}

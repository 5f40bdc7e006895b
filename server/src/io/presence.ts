import { randomUUID } from 'node:crypto';
import type { Namespace, Server, Socket } from 'socket.io';
import type { Redis } from '../redis/connect.ts';

/**
 * Who is connected, kept in Redis rather than asked of every process: each socket is a member
 * of its person's presence set, scored with the moment its heartbeat runs out. Every process
 * renews its own sockets four times per TTL, so a process that dies or hangs stops vouching
 * for them and they count as gone once the TTL passes; nobody waits on a process that does
 * not answer (a hung process made `fetchSockets` fail for everyone).
 */
export function presence(redis: Redis, io: Server, ttlSeconds: number) {
  const processId = randomUUID();
  const ttlMs = ttlSeconds * 1000;
  /** Which presence set a socket belongs to; null for a socket not (yet) bound to a person. */
  const tracked: { nsp: Namespace; keyOf: (s: Socket) => string | null }[] = [];

  const member = (s: Socket) => `${processId} ${s.id}`;

  async function vouch(key: string, s: Socket, until: number): Promise<void> {
    await redis.zAdd(key, { score: until, value: member(s) });
    await redis.pExpire(key, ttlMs * 2);
  }

  function beat(): void {
    const until = Date.now() + ttlMs;
    for (const { nsp, keyOf } of tracked) {
      for (const s of nsp.sockets.values()) {
        const key = keyOf(s);
        if (key) vouch(key, s, until).catch(() => {});
      }
    }
  }
  const timer = setInterval(beat, Math.max(250, ttlMs / 4));
  timer.unref();

  return {
    /** Tracks the sockets of a namespace from their connection to their disconnection. */
    track(name: string, keyOf: (s: Socket) => string | null): void {
      const nsp = io.of(name);
      tracked.push({ nsp, keyOf });
      nsp.on('connection', (s: Socket) => {
        const key = keyOf(s);
        if (!key) return;
        vouch(key, s, Date.now() + ttlMs).catch(() => {});
        s.on('disconnect', () => {
          redis.zRem(key, member(s)).catch(() => {});
        });
      });
    },

    /**
     * Whether any socket in the set is live: vouched for within the TTL, and, when it is one of
     * this process's, still connected (a socket that has just left counts as gone at once).
     */
    async any(name: string, key: string): Promise<boolean> {
      const nsp = io.of(name);
      const members = await redis.zRangeByScore(key, Date.now(), '+inf');
      return members.some((m) => {
        const [owner, socketId = ''] = m.split(' ');
        return owner !== processId || nsp.sockets.has(socketId);
      });
    },

    stop(): void {
      clearInterval(timer);
    },
  };
}
export type Presence = ReturnType<typeof presence>;

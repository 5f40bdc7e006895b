import { randomUUID } from 'node:crypto';
import type { Namespace, Server, Socket } from 'socket.io';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';

/** How long a presence set outlives its last connection: a crashed process's entries are pruned on read anyway. */
const SET_TTL_MS = 24 * 3600 * 1000;

/**
 * Who is connected, kept in Redis rather than asked of every process: each socket is a member
 * (`<process> <socket>`) of its person's presence set, and each process keeps a liveness key
 * that it renews four times per TTL. A socket counts while its process is alive; a process that
 * dies or hangs stops renewing and all of its sockets count as gone once the TTL passes, so
 * nobody waits on a process that does not answer (a hung process made `fetchSockets` fail for
 * everyone). One write per process per beat, whatever the number of sockets.
 */
export function presence(redis: Redis, io: Server, k: Keys, ttlSeconds: number) {
  const processId = randomUUID();
  const ttlMs = ttlSeconds * 1000;
  const aliveKey = k.processAlive;

  /** This process's live sockets (by id) and the presence sets each is in. */
  const mine = new Map<string, string[]>();

  async function enter(key: string, socketId: string): Promise<void> {
    await redis.zAdd(key, { score: Date.now(), value: `${processId} ${socketId}` });
    await redis.pExpire(key, SET_TTL_MS);
  }

  async function beat(): Promise<void> {
    const before = await redis.set(aliveKey(processId), '1', { expiration: { type: 'PX', value: ttlMs }, GET: true });
    // Our key had run out (we hung, or Redis lost it): others may have pruned our sockets meanwhile.
    if (before === null) await Promise.all([...mine].flatMap(([id, keys]) => keys.map((key) => enter(key, id))));
  }
  /**
   * How many sockets in the set are live: their process alive and, when it is this process,
   * the socket still connected (a socket that has just left counts as gone at once). Entries
   * of processes that are gone are pruned.
   */
  async function count(name: string, key: string): Promise<number> {
    const nsp: Namespace = io.of(name);
    const members = await redis.zRange(key, 0, -1);
    let here = 0;
    const byProcess = new Map<string, string[]>();
    for (const m of members) {
      const [owner = '', socketId = ''] = m.split(' ');
      if (owner !== processId) byProcess.set(owner, [...(byProcess.get(owner) ?? []), m]);
      else if (nsp.sockets.has(socketId)) here++;
    }
    const owners = [...byProcess.keys()];
    const alive = await Promise.all(owners.map(async (id) => (await redis.get(aliveKey(id))) !== null));
    const dead = owners.filter((_, i) => !alive[i]).flatMap((id) => byProcess.get(id) ?? []);
    if (dead.length > 0) await redis.zRem(key, dead);
    return owners.reduce((n, id, i) => n + (alive[i] ? (byProcess.get(id)?.length ?? 0) : 0), here);
  }

  const started = beat();
  const timer = setInterval(() => void beat().catch(() => {}), Math.max(250, ttlMs / 4));
  timer.unref();

  return {
    /** Resolves once this process has vouched for itself the first time. */
    ready: () => started,

    /** Tracks the sockets of a namespace from their connection to their disconnection. */
    track(name: string, keyOf: (s: Socket) => string | null): void {
      io.of(name).on('connection', (s: Socket) => {
        const key = keyOf(s);
        if (!key) return;
        mine.set(s.id, [key]);
        enter(key, s.id).catch(() => {});
        s.on('disconnect', () => {
          const keys = mine.get(s.id) ?? [];
          mine.delete(s.id);
          for (const k of keys) redis.zRem(k, `${processId} ${s.id}`).catch(() => {});
        });
      });
    },

    /**
     * Counts a tracked socket in one more set too (a supervisor's site), until it disconnects.
     * Resolves once written, so whoever asks after that finds the socket.
     */
    async join(s: Pick<Socket, 'id'>, key: string): Promise<void> {
      const keys = mine.get(s.id);
      if (!keys) return;
      keys.push(key);
      await enter(key, s.id);
    },

    count,

    /** Whether any socket in the set is live (see `count`). */
    async any(name: string, key: string): Promise<boolean> {
      return (await count(name, key)) > 0;
    },

    stop(): void {
      clearInterval(timer);
    },
  };
}
export type Presence = ReturnType<typeof presence>;

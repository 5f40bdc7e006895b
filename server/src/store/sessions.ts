import { randomBytes } from 'node:crypto';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';

const SESSION_TTL_SECONDS = 7 * 24 * 3600;

export type Session = { id: string; agentId: string; csrfToken: string };

/** Agent sessions: random ids held server-side, so logging out (everywhere) really ends them. */
export function sessionStore(redis: Redis, k: Keys) {
  return {
    async create(agentId: string): Promise<Session> {
      const session = {
        id: randomBytes(32).toString('base64url'),
        agentId,
        csrfToken: randomBytes(24).toString('base64url'),
      };
      await redis.set(k.session(session.id), JSON.stringify(session), {
        expiration: { type: 'EX', value: SESSION_TTL_SECONDS },
      });
      await redis.sAdd(k.agentSessions(agentId), session.id);
      return session;
    },

    async get(id: string): Promise<Session | null> {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(id)) return null;
      const raw = await redis.get(k.session(id));
      return raw ? (JSON.parse(raw) as Session) : null;
    },

    /** Ends every session of the agent but `keep` (the one asking, when it stays signed in). */
    async destroyAll(agentId: string, keep?: string): Promise<void> {
      const ids = (await redis.sMembers(k.agentSessions(agentId))).filter((id) => id !== keep);
      // One DEL per key: sessions are spread over a Redis Cluster's slots.
      await Promise.all(ids.map((id) => redis.del(k.session(id))));
      if (keep) await Promise.all(ids.map((id) => redis.sRem(k.agentSessions(agentId), id)));
      else await redis.del(k.agentSessions(agentId));
    },

    async destroy(id: string): Promise<void> {
      const s = await this.get(id);
      await redis.del(k.session(id));
      if (s) await redis.sRem(k.agentSessions(s.agentId), id);
    },
  };
}
export type SessionStore = ReturnType<typeof sessionStore>;

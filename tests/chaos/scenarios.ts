import { dropPubSub, hangProcess, hold, killProcess, killRedis } from './faults.ts';
import type { Scenario } from './scenario.ts';

const GRACE_SECONDS = Number(process.env.CHAOS_GRACE_SECONDS ?? 3);
const PRESENCE_TTL_SECONDS = Number(process.env.CHAOS_PRESENCE_TTL_SECONDS ?? 4);
/** A hang longer than the presence period and the grace together, so the grace runs out while it lasts. */
const STOP_MS = Number(process.env.CHAOS_STOP_MS ?? (PRESENCE_TTL_SECONDS + GRACE_SECONDS) * 1000 + 5000);
/** Longer than Socket.IO's ping interval and timeout (25 s + 20 s): the hung process's clients drop and reconnect. */
const LONG_STOP_MS = Number(process.env.CHAOS_LONG_STOP_MS ?? 60_000);
const BETWEEN_KILLS_MS = Number(process.env.CHAOS_BETWEEN_KILLS_MS ?? 3000);

/** The faults of issue 14, each a run of its own. */
export const scenarios = {
  killOnce: {
    name: 'kill -9 a process',
    fault: ({ cluster }) => killProcess(cluster.servers[0]),
  },
  killFourTimes: {
    name: 'kill -9 a process, 4 times',
    async fault({ cluster }) {
      for (let i = 0; i < 4; i++) {
        await killProcess(cluster.servers[i % 2 === 0 ? 0 : 1]);
        await hold(BETWEEN_KILLS_MS);
      }
    },
  },
  hang: {
    name: `SIGSTOP a process ${STOP_MS / 1000} s (grace ${GRACE_SECONDS} s), then SIGCONT`,
    env: { AGENT_GRACE_SECONDS: String(GRACE_SECONDS), PRESENCE_TTL_SECONDS: String(PRESENCE_TTL_SECONDS) },
    fault: ({ cluster }) => hangProcess(cluster.servers[0], STOP_MS),
  },
  hangPastPing: {
    name: `SIGSTOP a process ${LONG_STOP_MS / 1000} s (grace ${GRACE_SECONDS} s, past the ping timeout), then SIGCONT`,
    env: { AGENT_GRACE_SECONDS: String(GRACE_SECONDS), PRESENCE_TTL_SECONDS: String(PRESENCE_TTL_SECONDS) },
    fault: ({ cluster }) => hangProcess(cluster.servers[0], LONG_STOP_MS),
  },
  killRedis: {
    name: 'kill -9 Redis, restart from its AOF',
    fault: ({ cluster }) => killRedis(cluster, 2000),
  },
  pubsub: {
    name: 'CLIENT KILL TYPE pubsub, every 500 ms',
    fault: async ({ cluster }) => ({ pubsubConnectionsClosed: await dropPubSub(cluster, 8000, 500) }),
  },
  escalationBurst: {
    name: 'kill -9 a process right after a burst of escalations',
    escalateInFault: true,
    async fault(run) {
      await run.escalateAll();
      await killProcess(run.cluster.servers[0]);
      await run.allAssigned();
    },
  },
} satisfies Record<string, Scenario>;

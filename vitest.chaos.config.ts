import { defineConfig } from 'vitest/config';

/**
 * `pnpm chaos`: the fault tests at full size (RELIABILITY.md). The same files run small in
 * `pnpm test`; here the environment makes them big: a burst of 100 escalations killed
 * mid-way, a process hung for 60 s with a 30 s grace and the default presence period, and the
 * chaos driver (tests/chaos) running every fault on 100 chats with both sides writing.
 */
export default defineConfig({
  test: {
    include: [
      'tests/scale/escalation-crash.test.ts',
      'tests/scale/escalation-burst.test.ts',
      'tests/scale/hung-process.test.ts',
      'tests/chaos/full/*.test.ts',
    ],
    env: {
      BURST_CHATS: '100',
      HUNG_GRACE_SECONDS: '30',
      HUNG_PRESENCE_TTL_SECONDS: '20',
      HUNG_STOP_MS: '60000',
      // Each may be set smaller from outside (`CHAOS_CHATS=10 pnpm chaos`).
      CHAOS_CHATS: process.env.CHAOS_CHATS ?? '100',
      CHAOS_TRAFFIC_MS: process.env.CHAOS_TRAFFIC_MS ?? '15000',
      CHAOS_GRACE_SECONDS: process.env.CHAOS_GRACE_SECONDS ?? '10',
      CHAOS_PRESENCE_TTL_SECONDS: process.env.CHAOS_PRESENCE_TTL_SECONDS ?? '8',
      CHAOS_STOP_MS: process.env.CHAOS_STOP_MS ?? '30000',
    },
    testTimeout: 600_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 60_000, interval: 200 } },
    pool: 'forks',
    // One at a time: each file runs several server processes and stops or kills some of them.
    maxWorkers: 1,
    reporters: ['default'],
  },
});

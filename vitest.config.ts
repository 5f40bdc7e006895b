import { configDefaults, defineConfig } from 'vitest/config';
import { POLL_INTERVAL_MS, STEP_TIMEOUT_MS } from './tests/support/waits.ts';

const packageTests = '{shared,client-core,bot,server,widget,agent-console}/test/**/*.test.ts';

export default defineConfig({
  test: {
    // Each step inside a test has its own limit (tests/support/waits.ts); these only catch a test
    // or a setup (two server processes, a browser) that is stuck, not one on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll's own default (1 s) is far too short on a loaded two-core machine.
    expect: { poll: { timeout: STEP_TIMEOUT_MS, interval: POLL_INTERVAL_MS } },
    pool: 'forks',
    maxWorkers: 2,
    // A worker imports the server, Fastify, Socket.IO, BullMQ, pg and Playwright once for all
    // its files rather than once per file, which was a third of the suite's time. Safe for them:
    // each file starts its own servers on its own key prefix and schema, and its own browser, and
    // closes them; none writes process.env or mocks a module, and fake timers are put back after
    // each test. The chaos suite at full size runs under `pnpm chaos` only (vitest.chaos.config.ts).
    isolate: false,
    reporters: ['default'],
    include: [packageTests, 'tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'tests/chaos/full/**'],
  },
});

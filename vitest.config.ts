import { configDefaults, defineConfig } from 'vitest/config';
import { POLL_INTERVAL_MS, STEP_TIMEOUT_MS } from './tests/support/waits.ts';

const packageTests = ['{shared,client-core,bot,server,widget,agent-console}/test/**/*.test.ts'];
/** End-to-end files over sockets and HTTP only, shown green sharing a worker's imports. */
const sharedImportTests = ['tests/integration/**/*.test.ts', 'tests/integrations/**/*.test.ts'];

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
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'shared-imports',
          include: [...packageTests, ...sharedImportTests],
          // A worker imports the server, Fastify, Socket.IO, BullMQ and pg once for all of these
          // files rather than once per file, which was most of their run. Safe for them: each
          // starts its own servers on its own key prefix and schema and closes them, none writes
          // process.env or mocks a module, and fake timers are put back after each test.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['tests/**/*.test.ts'],
          // The browser, process and fault tests keep a fresh process per file: they have not
          // been shown to stay green sharing one with the files before them. The chaos suite at full
          // size runs under `pnpm chaos` only (vitest.chaos.config.ts).
          exclude: [...configDefaults.exclude, ...sharedImportTests, 'tests/chaos/full/**'],
        },
      },
    ],
  },
});

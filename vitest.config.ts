import { configDefaults, defineConfig } from 'vitest/config';
import { POLL_INTERVAL_MS, STEP_TIMEOUT_MS } from './tests/support/waits.ts';

export default defineConfig({
  test: {
    include: ['{shared,client-core,bot,server,widget,agent-console}/test/**/*.test.ts', 'tests/**/*.test.ts'],
    // The chaos suite at full size runs under `pnpm chaos` only (vitest.chaos.config.ts).
    exclude: [...configDefaults.exclude, 'tests/chaos/full/**'],
    // Each step inside a test has its own limit (tests/support/waits.ts); these only catch a test
    // or a setup (two server processes, a browser) that is stuck, not one on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll's own default (1 s) is far too short on a loaded two-core machine.
    expect: { poll: { timeout: STEP_TIMEOUT_MS, interval: POLL_INTERVAL_MS } },
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,bot,server,widget,agent-console}/test/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll's own default (1 s) is far too short on a loaded two-core machine.
    expect: { poll: { timeout: 20_000, interval: 50 } },
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,bot,server,widget,agent-console}/test/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});

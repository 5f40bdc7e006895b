import { describe, expect, it } from 'vitest';
import { runScenario } from './scenario.ts';
import { scenarios } from './scenarios.ts';

/*
 * The chaos driver at its smallest, in `pnpm test`: a few chats, one kill -9. `pnpm chaos` runs
 * every fault at full size (tests/chaos/full).
 */
describe('chaos, small: a process killed with -9 in the middle of traffic', () => {
  it(
    'loses, doubles, hides and reorders no acked message, and leaves no chat stuck',
    { timeout: 300_000 },
    async () => {
      const { row } = await runScenario({ ...scenarios.killOnce, chats: Number(process.env.CHAOS_QUICK_CHATS ?? 6) });
      expect(row).toMatchObject({ lost: 0, doubled: 0, unseen: 0, outOfOrder: 0, stuck: 0, loadMismatches: 0 });
      expect(row.messages).toBeGreaterThan(0);
    },
  );
});

import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../scenario.ts';
import { scenarios } from '../scenarios.ts';
import { writeTable, type Row } from '../report.ts';

/*
 * `pnpm chaos`: every fault of issue 14, each on a fresh cluster (two processes, a private Redis
 * with AOF) with `CHAOS_CHATS` chats, both sides writing. Each prints its findings as one JSON
 * line; the table of all of them is printed at the end and kept in bench/results/chaos.json.
 */
const rows: Row[] = [];
afterAll(() => writeTable(rows));

describe('chaos', () => {
  for (const scenario of Object.values(scenarios)) {
    it(`${scenario.name}: no acked message lost, doubled, unseen or out of order; no stuck chat; loads true`, async () => {
      const { row } = await runScenario(scenario);
      rows.push(row);
      expect(row).toMatchObject({ lost: 0, doubled: 0, unseen: 0, outOfOrder: 0, stuck: 0, loadMismatches: 0 });
    });
  }
});

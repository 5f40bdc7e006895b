import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One scenario's line of the table. */
export type Row = {
  name: string;
  chats: number;
  messages: number;
  lost: number;
  doubled: number;
  unseen: number;
  outOfOrder: number;
  stuck: number;
  loadMismatches: number;
  recoveryP50Ms: number | null;
  recoveryMaxMs: number | null;
};

export const CHAOS_RESULTS = fileURLToPath(new URL('../../bench/results/chaos.json', import.meta.url));

/** One scenario's full findings, as one JSON line on stdout. */
export function printScenario(details: object): void {
  console.log(JSON.stringify(details));
}

/** The table of every scenario run, on stdout and in `file`. */
export function writeTable(rows: Row[], file = CHAOS_RESULTS): void {
  const table = JSON.stringify({ scenarios: rows }, null, 2);
  console.log(table);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${table}\n`);
}

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { report } from './support.ts';

/**
 * `pnpm bench`: every benchmark, one after the other (they would disturb each other's
 * figures if run together), each printing its JSON as its last line; then the whole picture.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const clinc = fileURLToPath(new URL('../../shared/data/clinc150/data_full.json', import.meta.url));
const fixture = fileURLToPath(new URL('../bot/test/fixtures/clinc150-slice.json', import.meta.url));

const runs: { name: string; command: string[] }[] = [
  { name: 'routing', command: ['node', '--import', 'tsx', 'bench/routing.ts'] },
  {
    name: 'routingBesideNeighbour',
    command: ['env', 'BENCH_NEIGHBOUR=1', 'node', '--import', 'tsx', 'bench/routing.ts'],
  },
  { name: 'surge', command: ['node', '--import', 'tsx', 'bench/surge.ts'] },
  { name: 'saturation', command: ['node', '--import', 'tsx', 'bench/saturation.ts'] },
  {
    name: 'bot',
    command: [
      'pnpm',
      '--silent',
      '--filter',
      '@cascade/bot',
      'eval',
      '--',
      '--data',
      existsSync(clinc) ? clinc : fixture,
      '--json',
    ],
  },
  { name: 'botFewShot', command: ['node', '--import', 'tsx', 'bench/bot-fewshot.ts'] },
  { name: 'botBuild', command: ['node', '--import', 'tsx', 'bench/bot-build.ts'] },
  { name: 'widgetSize', command: ['pnpm', '--silent', '--filter', '@cascade/widget', 'size'] },
  { name: 'messages', command: ['node', '--import', 'tsx', 'bench/messages.ts'] },
  { name: 'connections', command: ['node', '--import', 'tsx', 'bench/connections.ts'] },
  { name: 'kbImport', command: ['node', '--import', 'tsx', 'bench/kb-import.ts'] },
  { name: 'archive', command: ['node', '--import', 'tsx', 'bench/archive.ts'] },
];

/** The result: the last line as JSON, or the whole output when it is one pretty-printed object. */
function lastJson(stdout: string): unknown {
  for (const candidate of [stdout.trim().split('\n').at(-1) ?? '', stdout.trim()]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next reading
    }
  }
  return null;
}

const all: Record<string, unknown> = {};
for (const run of runs) {
  process.stderr.write(`\n== ${run.name}\n`);
  const r = spawnSync(run.command[0]!, run.command.slice(1), {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stderr.write(r.stdout);
  all[run.name] = lastJson(r.stdout) ?? { error: `exit ${r.status}: no JSON result` };
}
report('all', all);

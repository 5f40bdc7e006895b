import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `pnpm test` serves the widget and the console from their builds, which must match the sources;
 * building both takes most of a minute on a small machine. So each is built again only when what
 * it is built from changed since its last build here: its own files, the workspace packages it
 * bundles and the lockfile, hashed by content (`git ls-files`: committed or not, never ignored).
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const stamps = join(root, 'node_modules', '.cache', 'cascade-builds');
const common = ['shared', 'client-core', 'pnpm-lock.yaml', 'tsconfig.base.json'];
const builds = [
  { name: '@cascade/widget', folder: 'widget' },
  { name: '@cascade/agent-console', folder: 'agent-console' },
];

function inputsHash(folder: string): string {
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z', '--', folder, ...common], {
    cwd: root,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const hash = createHash('sha256');
  for (const file of listed.stdout.split('\0').filter(Boolean).sort()) {
    const path = join(root, file);
    // A file deleted but not yet staged is listed and gone: its absence is what counts.
    hash.update(`${file}\0${existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : '-'}\0`);
  }
  return hash.digest('hex');
}

const stale = builds
  .map((b) => ({ ...b, stamp: join(stamps, b.folder), hash: inputsHash(b.folder) }))
  .filter(({ name, folder, stamp, hash }) => {
    const built = existsSync(join(root, folder, 'dist')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
    if (built) console.log(`${name}: built from these sources already`);
    return !built;
  });
if (stale.length > 0) {
  const filters = stale.flatMap((b) => ['--filter', b.name]);
  const run = spawnSync('pnpm', ['-r', ...filters, 'build'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  mkdirSync(stamps, { recursive: true });
  for (const { stamp, hash } of stale) writeFileSync(stamp, hash);
}

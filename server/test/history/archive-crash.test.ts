import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { archiver } from '../../src/history/archive.ts';
import { migrate } from '../../src/history/migrate.ts';
import type { Db } from '../../src/history/db.ts';
import { counts, dropSchema, newSchema, testDb } from './support.ts';
import { archiveDeps, seedEnded, stores, type Stores } from './seed.ts';

const CONVERSATIONS = 120;
const MESSAGES = 20;
const schema = newSchema('crash');
const prefix = `test${randomBytes(5).toString('hex')}`;
let db: Db;
let s: Stores;

beforeAll(async () => {
  db = testDb(schema);
  await migrate(db, schema);
  s = await stores(prefix);
});

afterAll(async () => {
  await db.close();
  await dropSchema(schema);
  await s.close();
});

it('loses nothing and doubles nothing when the archiving process is killed mid-way and the job runs again', async () => {
  const texts = Array.from({ length: MESSAGES }, (_, i) =>
    i % 3 === 0 ? `order ${i} is late` : i % 3 === 1 ? `سفارش ${i} دیر شد` : `الطلب ${i} متأخر`,
  );
  const ids: string[] = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    const { conversation } = await seedEnded(s, { siteId: 'shop', texts, ticket: i % 4 === 0 });
    ids.push(conversation.id);
  }

  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('archive-child.ts', import.meta.url))],
    {
      env: { ...process.env, ARCHIVE_PREFIX: prefix, ARCHIVE_SCHEMA: schema, ARCHIVE_IDS: ids.join(',') },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${done} archived in time`)), 50_000);
    child.stdout.on('data', (b: Buffer) => {
      done += b.toString().split('\n').filter(Boolean).length;
      if (done >= 10) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  const partial = await counts(db);
  expect(partial.conversations).toBeGreaterThanOrEqual(10);
  expect(partial.conversations).toBeLessThan(CONVERSATIONS);

  // The queue runs the job again for every conversation, whether or not it got through.
  const archive = archiver(archiveDeps(s, db));
  for (const id of ids) expect(await archive.archive(id)).toBe('archived');

  expect(await counts(db)).toEqual({
    visitors: CONVERSATIONS,
    conversations: CONVERSATIONS,
    messages: CONVERSATIONS * MESSAGES,
    events: CONVERSATIONS * 2,
    tickets: CONVERSATIONS / 4,
  });
  for (const id of ids) {
    expect(await s.raw.ttl(s.keys.conversation(id))).toBeGreaterThan(0);
    expect(await s.raw.ttl(s.keys.messages(id))).toBeGreaterThan(0);
  }
});

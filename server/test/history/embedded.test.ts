import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConversationSearchQuery } from '@cascade/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openHistoryDb } from '../../src/history/open.ts';
import { migrate } from '../../src/history/migrate.ts';
import { archiver } from '../../src/history/archive.ts';
import { historyReader } from '../../src/history/reader.ts';
import { localLinks } from '../../src/testing/links.ts';
import { counts } from './support.ts';
import { archiveDeps, seedEnded, stores, type Stores } from './seed.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'cascade-pglite-'));
const config = { DATABASE_URL: undefined, DATABASE_SCHEMA: 'public', DATA_DIR: dataDir };
let s: Stores;

beforeAll(async () => {
  s = await stores(`test${randomBytes(5).toString('hex')}`);
});
afterAll(async () => {
  await s.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('runs the same migrations, archive and search on the embedded database, for one process, and keeps them on disk', async () => {
  const db = await openHistoryDb(config, () => {});
  expect(db.kind).toBe('embedded');
  const { conversation } = await seedEnded(s, { siteId: 'shop', texts: ['سفارش من کجاست؟', 'Where is it?'] });
  const archive = archiver(archiveDeps(s, db));
  await archive.archive(conversation.id);
  await archive.archive(conversation.id);
  expect(await counts(db)).toEqual({ visitors: 1, conversations: 1, messages: 2, events: 2, tickets: 0 });
  const found = await historyReader(db, localLinks()).search(['shop'], ConversationSearchQuery.parse({ q: 'كجاست' }));
  expect(found.conversations.map((h) => h.conversation.id)).toEqual([conversation.id]);
  // One process per embedded database: a second one is told to use a server instead.
  await expect(openHistoryDb(config, () => {})).rejects.toThrow(/DATABASE_URL/);
  await db.close();

  const reopened = await openHistoryDb(config, () => {});
  expect(await migrate(reopened, 'public')).toEqual([]);
  expect((await historyReader(reopened, localLinks()).messages(conversation.id)).map((m) => m.text)).toEqual([
    'سفارش من کجاست؟',
    'Where is it?',
  ]);
  await reopened.close();
}, 180_000);

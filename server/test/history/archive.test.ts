import { randomBytes } from 'node:crypto';
import { MAX_TAGS, newConversation } from '@cascade/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { archiver } from '../../src/history/archive.ts';
import { journal } from '../../src/waterfall/journal.ts';
import { migrate } from '../../src/history/migrate.ts';
import type { Db } from '../../src/history/db.ts';
import { counts, dropSchema, newSchema, testDb } from './support.ts';
import { archiveDeps, seedEnded, stores, type Stores } from './seed.ts';

const schema = newSchema('arch');
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

it('copies an ended conversation with its messages, events, ticket and visitor, once however often it runs', async () => {
  const seeded = await seedEnded(s, {
    siteId: 'shop',
    texts: ['Where is my order?', 'سفارش من کجاست؟', 'أين طلبي؟'],
    ticket: true,
    email: 'sam@example.com',
  });
  const archive = archiver(archiveDeps(s, db));
  const before = await counts(db);

  expect(await archive.archive(seeded.conversation.id)).toBe('archived');
  const once = await counts(db);
  expect(await archive.archive(seeded.conversation.id)).toBe('archived');
  await Promise.all([archive.archive(seeded.conversation.id), archive.archive(seeded.conversation.id)]);

  expect(await counts(db)).toEqual(once);
  expect(once).toEqual({
    visitors: before.visitors! + 1,
    conversations: before.conversations! + 1,
    messages: before.messages! + 3,
    events: before.events! + seeded.events,
    tickets: before.tickets! + 1,
  });
  const [row] = await db.query<{ data: unknown; state: string }>(
    'SELECT data, state FROM conversations WHERE id = $1',
    [seeded.conversation.id],
  );
  expect(row?.data).toEqual(seeded.conversation);
  const texts = await db.query<{ text: string }>('SELECT text FROM messages WHERE conversation_id = $1 ORDER BY id', [
    seeded.conversation.id,
  ]);
  expect(texts.map((t) => t.text)).toEqual(seeded.messages.map((m) => m.text));
});

it('gives the Redis keys an expiry only once the copy is stored', async () => {
  const { conversation: c } = await seedEnded(s, { siteId: 'shop', texts: ['hello'] });
  const k = s.keys;
  const ttls = () => Promise.all([k.conversation(c.id), k.messages(c.id), k.dedupe(c.id)].map((key) => s.raw.ttl(key)));
  expect((await ttls()).slice(0, 2)).toEqual([-1, -1]);

  // The database refuses the copy: nothing in Redis changes.
  const broken = testDb(`${schema}_missing`);
  await expect(archiver(archiveDeps(s, broken)).archive(c.id)).rejects.toThrow();
  await broken.close();
  expect((await ttls()).slice(0, 2)).toEqual([-1, -1]);

  await archiver(archiveDeps(s, db)).archive(c.id);
  for (const ttl of (await ttls()).slice(0, 2)) {
    expect(ttl).toBeGreaterThan(23 * 3600);
    expect(ttl).toBeLessThanOrEqual(24 * 3600);
  }
});

it('leaves open conversations alone and says so', async () => {
  const { conversation: c } = await seedEnded(s, { siteId: 'shop', texts: ['hi'] });
  await s.conversations.update(c.id, { state: 'assigned', closedAt: null });
  expect(await archiver(archiveDeps(s, db)).archive(c.id)).toBe('open');
  expect(await s.raw.ttl(s.keys.conversation(c.id))).toBe(-1);
  expect(await archiver(archiveDeps(s, db)).archive('no-such-conversation')).toBe('missing');
});

it('keeps a rating given after the first copy, even when an older copy is written last', async () => {
  const { conversation: c } = await seedEnded(s, { siteId: 'shop', texts: ['thanks'] });
  const archive = archiver(archiveDeps(s, db));
  await archive.archive(c.id);
  const csat = { score: 5, comment: 'great', ts: Date.now() };
  await s.conversations.update(c.id, { csat });
  await archive.archive(c.id);
  // A copy read before the rating, committed after it.
  await s.conversations.update(c.id, { csat: null });
  await archive.archive(c.id);
  const [row] = await db.query<{ csat_score: number; data: { csat: unknown } }>(
    'SELECT csat_score, data FROM conversations WHERE id = $1',
    [c.id],
  );
  expect(row?.csat_score).toBe(5);
  expect(row?.data.csat).toEqual(csat);
});

it('files messages and events into the partition of their month', async () => {
  const at = Date.UTC(2025, 0, 31, 23, 59, 59, 998);
  const { conversation: c } = await seedEnded(s, { siteId: 'shop', texts: ['january', 'february?'], at });
  await archiver(archiveDeps(s, db)).archive(c.id);
  const rows = await db.query<{ part: string; text: string }>(
    `SELECT tableoid::regclass::text AS part, text FROM messages WHERE conversation_id = $1 ORDER BY id`,
    [c.id],
  );
  expect(rows.map((r) => r.part.replace(/^.*\./, '').replace(/"/g, ''))).toEqual([
    'messages_2025_01',
    'messages_2025_02',
  ]);
});

it('merges the tags the bot’s answers gave into those already stored, in order, at most MAX_TAGS', async () => {
  const seeded = await seedEnded(s, { siteId: 'shop', texts: ['Where is my order?'] });
  const id = seeded.conversation.id;
  const archive = archiver(archiveDeps(s, db));
  await archive.archive(id);
  const stored = Array.from({ length: MAX_TAGS - 1 }, (_, i) => `agent-${i}`);
  await db.query('UPDATE conversations SET tags = $2 WHERE id = $1', [id, stored]);
  await s.raw.sAdd(s.keys.conversationTags(id), ['agent-0', 'kb-a', 'kb-b']);

  await archive.archive(id);
  const [row] = await db.query<{ tags: string[] }>('SELECT tags FROM conversations WHERE id = $1', [id]);
  expect(row?.tags).toEqual([...stored, 'kb-a']);
  // Handed over: a later archive does not bring back a tag removed meanwhile.
  expect(await s.raw.exists(s.keys.conversationTags(id))).toBe(0);
  await db.query(`UPDATE conversations SET tags = array_remove(tags, 'kb-a') WHERE id = $1`, [id]);
  await archive.archive(id);
  const [after] = await db.query<{ tags: string[] }>('SELECT tags FROM conversations WHERE id = $1', [id]);
  expect(after?.tags).toEqual(stored);
});

it('copies all of a conversation’s events when it is archived long after, with thousands of other entries since', async () => {
  const seeded = await seedEnded(s, { siteId: 'busy', texts: ['Hello?'] });
  const notes = journal(s.redis, s.keys, { oneServer: true });
  const other = (n: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => notes.started('busy', `other${i}`, Date.now())));
  // The seed wrote its start and one transition: version 1. A second transition comes 1,500
  // entries later (a transfer, say), then 2,500 more entries of other chats before the archive.
  await other(1500);
  await notes.recordEvent('busy', seeded.conversation.id, 2, {
    event: 'transferred',
    conversationId: seeded.conversation.id,
    from: 'assigned',
    to: 'queued',
    ts: String(Date.now()),
  });
  await s.conversations.update(seeded.conversation.id, { version: 2 });
  await other(2500);

  const archive = archiver(archiveDeps(s, db));
  expect(await archive.archive(seeded.conversation.id)).toBe('archived');
  const rows = await db.query<{ event: string }>('SELECT event FROM events WHERE conversation_id = $1 ORDER BY id', [
    seeded.conversation.id,
  ]);
  expect(rows.map((r) => r.event)).toEqual(['started', 'bot_resolved', 'transferred']);
  // The archive shortened the index of the conversation's entries to its own hot retention.
  expect(await s.raw.ttl(s.keys.eventIndex('busy', seeded.conversation.id))).toBeLessThanOrEqual(24 * 3600);
});

it('finds every entry of a conversation whose entries were never indexed, bot decisions before its transitions', async () => {
  const c = newConversation({ id: `old${prefix}`, siteId: 'older', visitorId: 'v-old', locale: 'en', at: Date.now() });
  await s.conversations.create({ ...c, state: 'resolved', version: 3, closedAt: Date.now() });
  // As earlier versions wrote the stream: no index, and other chats' entries in between.
  const events = s.keys.events('older');
  const add = (fields: Record<string, string>) =>
    s.redis.xAdd(events, '*', { conversationId: c.id, ts: String(Date.now()), ...fields });
  const others = async (n: number) => {
    for (let i = 0; i < n; i++)
      await s.redis.xAdd(events, '*', { event: 'started', conversationId: `x${i}`, ts: String(Date.now()) });
  };
  await add({ event: 'started' });
  await add({ event: 'bot_decision', kind: 'suggest' });
  await add({ event: 'bot_decision', kind: 'escalate' });
  await add({ event: 'escalated', from: 'bot', to: 'queued' });
  await others(40);
  await add({ event: 'claimed', from: 'queued', to: 'assigned' });
  await others(40);
  await add({ event: 'resolved', from: 'assigned', to: 'resolved' });

  expect(await archiver(archiveDeps(s, db)).archive(c.id)).toBe('archived');
  const rows = await db.query<{ event: string }>('SELECT event FROM events WHERE conversation_id = $1 ORDER BY id', [
    c.id,
  ]);
  expect(rows.map((r) => r.event)).toEqual([
    'started',
    'bot_decision',
    'bot_decision',
    'escalated',
    'claimed',
    'resolved',
  ]);
});

import { randomBytes } from 'node:crypto';
import { ConversationSearchQuery, type ConversationSearchQuery as Query } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiver } from '../../src/history/archive.ts';
import { migrate } from '../../src/history/migrate.ts';
import { historyReader, type HistoryReader } from '../../src/history/reader.ts';
import { localLinks } from '../../src/testing/links.ts';
import type { Db } from '../../src/history/db.ts';
import { dropSchema, newSchema, testDb } from './support.ts';
import { archiveDeps, seedEnded, stores, type Stores } from './seed.ts';

const schema = newSchema('search');
const prefix = `test${randomBytes(5).toString('hex')}`;
const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 5, 10);
let db: Db;
let s: Stores;
let reader: HistoryReader;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = testDb(schema);
  await migrate(db, schema);
  s = await stores(prefix);
  reader = historyReader(db, localLinks());
  const archive = archiver(archiveDeps(s, db));
  const seed = async (name: string, siteId: string, texts: string[], at: number, ticket = false) => {
    const { conversation } = await seedEnded(s, { siteId, texts, at, ticket });
    await archive.archive(conversation.id);
    ids[name] = conversation.id;
  };
  await seed('en', 'shop', ['I want a refund for order 123', 'Refunds take five days'], T0);
  // Persian keyboard: Persian yeh and keheh, Persian digits.
  await seed('fa', 'shop', ['سفارش من کجاست؟ شماره ۴۵۶', 'پیگیری می‌کنیم'], T0 + DAY, true);
  // Arabic keyboard: hamza on alef, Arabic yeh and kaf, teh marbuta, diacritics, Arabic-Indic digits.
  await seed('ar', 'shop', ['أين طلبي؟ رقم ٧٨٩', 'شُكْرًا لك على الرسالة'], T0 + 2 * DAY);
  await seed('other', 'elsewhere', ['I want a refund too'], T0);
});

afterAll(async () => {
  await db.close();
  await dropSchema(schema);
  await s.close();
});

const search = async (siteIds: string[], q: Partial<Record<keyof Query, string>>) =>
  (await reader.search(siteIds, ConversationSearchQuery.parse(q))).conversations.map((h) => h.conversation.id);

describe('searching archived conversations', () => {
  it('finds English words by their beginnings, case aside', async () => {
    expect(await search(['shop'], { q: 'REFUND' })).toEqual([ids.en]);
    expect(await search(['shop'], { q: 'refund five' })).toEqual([ids.en]);
    expect(await search(['shop'], { q: 'refund never' })).toEqual([]);
    // The words may stand in different messages of the conversation.
    expect(await search(['shop'], { q: 'order days' })).toEqual([ids.en]);
  });

  it('finds Persian text typed on an Arabic keyboard, and the other way round', async () => {
    expect(await search(['shop'], { q: 'سفارش من كجاست' })).toEqual([ids.fa]);
    expect(await search(['shop'], { q: 'پیگیری میکنیم' })).toEqual([ids.fa]);
    expect(await search(['shop'], { q: 'اين طلبی' })).toEqual([ids.ar]);
  });

  it('ignores diacritics and matches digits whichever way they were typed', async () => {
    expect(await search(['shop'], { q: 'شكرا' })).toEqual([ids.ar]);
    expect(await search(['shop'], { q: 'الرساله' })).toEqual([ids.ar]);
    expect(await search(['shop'], { q: '789' })).toEqual([ids.ar]);
    expect(await search(['shop'], { q: '٤٥٦' })).toEqual([ids.fa]);
    expect(await search(['shop'], { q: '۱۲۳' })).toEqual([ids.en]);
  });

  it('returns the matching messages of each hit', async () => {
    const { conversations } = await reader.search(['shop'], ConversationSearchQuery.parse({ q: 'refund' }));
    expect(conversations[0]?.matches.map((m) => m.text)).toEqual([
      'I want a refund for order 123',
      'Refunds take five days',
    ]);
  });

  it('never returns another site’s conversations', async () => {
    expect(await search(['shop'], { q: 'refund' })).not.toContain(ids.other);
    expect(await search(['elsewhere'], { q: 'refund' })).toEqual([ids.other]);
    expect(await search(['elsewhere'], {})).toEqual([ids.other]);
    expect(await search([], { q: 'refund' })).toEqual([]);
  });

  it('filters by period and outcome and pages the list, newest first', async () => {
    expect(await search(['shop'], {})).toEqual([ids.ar, ids.fa, ids.en]);
    expect(await search(['shop'], { from: String(T0 + DAY / 2), to: String(T0 + DAY * 1.5) })).toEqual([ids.fa]);
    expect(await search(['shop'], { outcome: 'ticketed' })).toEqual([ids.fa]);
    const page = await reader.search(['shop'], ConversationSearchQuery.parse({ limit: '1', offset: '1' }));
    expect(page.conversations.map((h) => h.conversation.id)).toEqual([ids.fa]);
    expect(page.total).toBe(3);
    const past = await reader.search(['shop'], ConversationSearchQuery.parse({ limit: '1', offset: '5' }));
    expect(past).toEqual({ conversations: [], total: 3, more: false });
  });

  it('filters by level and by the visitor’s rating', async () => {
    await db.query('UPDATE conversations SET csat_score = 4, level = 2 WHERE id = $1', [ids.fa]);
    expect(await search(['shop'], { rating: '4' })).toEqual([ids.fa]);
    expect(await search(['shop'], { rating: '5' })).toEqual([]);
    expect(await search(['shop'], { level: '2' })).toEqual([ids.fa]);
    expect(await search(['shop'], { level: '1' })).toEqual([ids.ar, ids.en]);
    expect(ConversationSearchQuery.safeParse({ rating: '6' }).success).toBe(false);
    expect(ConversationSearchQuery.safeParse({ level: '4' }).success).toBe(false);
  });

  it('treats query operators as plain text', async () => {
    expect(await search(['shop'], { q: "refund' | ! & :* (" })).toEqual([ids.en]);
    expect(await search(['shop'], { q: '!!! ???' })).toEqual([]);
  });

  it('reads back a transcript in order and a visitor’s conversations', async () => {
    const messages = await reader.messages(ids.fa!);
    expect(messages.map((m) => m.text)).toEqual(['سفارش من کجاست؟ شماره ۴۵۶', 'پیگیری می‌کنیم']);
    const c = await reader.conversation(ids.fa!);
    expect(c?.state).toBe('ticketed');
    expect((await reader.ofVisitor('shop', c!.visitorId)).map((x) => x.id)).toEqual([ids.fa]);
    expect(await reader.ofVisitor('elsewhere', c!.visitorId)).toEqual([]);
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createQueues, type Queues } from '../../src/jobs/queues.ts';
import { ARCHIVE_DUE, ARCHIVE_STUCK_MS, archiveDue } from '../../src/history/archive-due.ts';
import type { ArchiveResult } from '../../src/history/archive.ts';
import { stores, type Stores } from './seed.ts';

const prefix = `test${randomBytes(5).toString('hex')}`;
let s: Stores;
let queues: Queues;
let errors: { conversationId: string; failures?: number }[];

beforeAll(async () => {
  s = await stores(prefix);
  queues = createQueues(s.config);
});

afterAll(async () => {
  await queues.history.obliterate({ force: true });
  await queues.close();
  await s.close();
});

beforeEach(async () => {
  errors = [];
  await queues.history.obliterate({ force: true });
  await s.raw.del([s.keys.archiveDue, s.keys.archiveFailures]);
});

const due = () =>
  archiveDue({
    redis: s.redis,
    keys: s.keys,
    queues,
    log: { error: (o) => errors.push(o as { conversationId: string; failures?: number }) },
  });
const listed = () => s.raw.zRange(s.keys.archiveDue, 0, -1);
const drains = async () => (await queues.history.getJobs(['delayed', 'waiting'])).filter((j) => j.name === ARCHIVE_DUE);
/** An archiver that notes what it copied, and fails for the ids in `failing`. */
function copier(failing = new Set<string>()) {
  const copied: string[] = [];
  return {
    copied,
    archive: (id: string): Promise<ArchiveResult> => {
      if (failing.has(id)) return Promise.reject(new Error('database away'));
      copied.push(id);
      return Promise.resolve('archived');
    },
  };
}

it('starts one drain for many ended conversations, archives each once, and a new one after the list emptied', async () => {
  const d = due();
  for (const id of ['c1', 'c2', 'c3']) await d.ask(id);
  expect(await drains()).toHaveLength(1);

  const archive = copier();
  await d.drain(archive);
  expect(archive.copied).toEqual(['c1', 'c2', 'c3']);
  expect(await listed()).toEqual([]);

  await d.ask('c4');
  expect(await drains()).toHaveLength(2);
});

it('archives again a conversation rated while its archive ran', async () => {
  const d = due();
  await d.ask('rated');
  let first = true;
  const copied: string[] = [];
  await d.drain({
    archive: async (id) => {
      copied.push(id);
      // The rating arrives between the read of the conversation and the end of its copy.
      if (first) await d.ask(id);
      first = false;
      return 'archived';
    },
  });
  expect(copied).toEqual(['rated', 'rated']);
  expect(await listed()).toEqual([]);
});

it('keeps a conversation whose copy failed for the next try, archives the rest, and lets go after repeated failures', async () => {
  const d = due();
  for (const id of ['broken', 'fine1', 'fine2']) await d.ask(id);
  const archive = copier(new Set(['broken']));

  await expect(d.drain(archive)).rejects.toThrow('1 conversations not archived yet');
  expect(archive.copied).toEqual(['fine1', 'fine2']);
  expect(await listed()).toEqual(['broken']);
  expect(errors).toEqual([expect.objectContaining({ conversationId: 'broken' })]);

  // Alone on the list, its failure may be the database's: it is not counted.
  await expect(d.drain(archive)).rejects.toThrow();
  expect(await s.raw.hGet(s.keys.archiveFailures, 'broken')).toBe('1');

  for (let attempt = 2; attempt <= 11; attempt++) {
    await d.ask(`more${attempt}`);
    await expect(d.drain(archive)).rejects.toThrow();
  }
  expect(await listed()).toEqual(['broken']);
  // The twelfth failure beside copies that worked takes it off the list: it no longer holds back the others.
  await d.ask('last');
  await d.drain(archive);
  expect(await listed()).toEqual([]);
  expect(errors.at(-1)).toEqual(expect.objectContaining({ conversationId: 'broken', failures: 12 }));
});

it('counts nothing against the conversations while the database is away', async () => {
  const d = due();
  for (const id of ['a', 'b']) await d.ask(id);
  const away = copier(new Set(['a', 'b']));
  for (let attempt = 1; attempt <= 15; attempt++) await expect(d.drain(away)).rejects.toThrow('2 conversations');
  expect(await s.raw.hLen(s.keys.archiveFailures)).toBe(0);

  const back = copier();
  await d.drain(back);
  expect(back.copied).toEqual(['a', 'b']);
  expect(await listed()).toEqual([]);
});

it('starts a drain again only when the list holds a conversation asked long ago', async () => {
  const d = due();
  await d.ask('recent');
  expect(await d.resume()).toBe(false);
  await queues.history.obliterate({ force: true });

  const now = Date.now();
  await s.raw.zAdd(s.keys.archiveDue, { score: now - ARCHIVE_STUCK_MS - 1000, value: 'stuck' });
  expect(await d.resume(now)).toBe(true);
  // Once a minute at most: a second sweep in the same minute adds no second drain.
  expect(await d.resume(now)).toBe(true);
  expect(await drains()).toHaveLength(1);
});

it('forgets conversations a visitor asked to erase', async () => {
  const d = due();
  for (const id of ['keep', 'erase']) await d.ask(id);
  await d.forget(['erase']);
  const archive = copier();
  await d.drain(archive);
  expect(archive.copied).toEqual(['keep']);
});

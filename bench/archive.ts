import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { loadConfig, localFileLinks, migrate, redisAnswers, serverDb } from '@cascade/server';
import { newConversation, type Conversation } from '@cascade/shared';
import { archiver, type ArchiveDeps } from '../server/src/history/archive.ts';
import { connectRedis } from '../server/src/redis/connect.ts';
import { keys } from '../server/src/redis/keys.ts';
import { conversationStore } from '../server/src/store/conversations.ts';
import { messageStore } from '../server/src/store/messages.ts';
import { ticketStore } from '../server/src/store/tickets.ts';
import { visitorStore } from '../server/src/store/visitors.ts';
import { kbStore } from '../server/src/store/kb.ts';
import { answerTags } from '../server/src/history/answer-tags.ts';
import { benchDatabase, dropBenchSchema, percentile, report, round } from './support.ts';

/**
 * Archiving at size: `BENCH_ARCHIVE_CONVERSATIONS` ended conversations (a visitor, messages in
 * English, Arabic or Persian, the site's event stream entries, a ticket for every fifth) seeded
 * into a private redis-server with the server's own stores, then copied to PostgreSQL (a schema
 * of the run's own) by the real archiver with the history worker's concurrency. Reported: the
 * conversations archived per second, and Redis's memory and keys before archiving and after the
 * hot retention has run out, beside a Redis PING and a PostgreSQL row written and read back.
 */
const CONVERSATIONS = Number(process.env.BENCH_ARCHIVE_CONVERSATIONS ?? 10000);
const MESSAGES_PER_CONVERSATION = Number(process.env.BENCH_ARCHIVE_MESSAGES ?? 20);
/**
 * The archiver reads a site's event stream from the conversation's start to its end, so a
 * backlog of thousands on one site makes each archive read the rest of the backlog; spread over
 * sites, each stream holds what a site gathers while its chats end and are archived.
 */
const SITES = Number(process.env.BENCH_ARCHIVE_SITES ?? 100);
/** As the BullMQ history queue's worker (server/src/jobs/workers.ts). */
const CONCURRENCY = Number(process.env.BENCH_ARCHIVE_CONCURRENCY ?? 4);
const SEED_BATCH = 200;
const FLOOR_RUNS = 500;
const EXPIRY_TIMEOUT_MS = 120_000;
const PREFIX = 'bench';

const phrases: Record<'en' | 'ar' | 'fa', string[]> = {
  en: [
    'Where is my order, it has not arrived yet',
    'I would like a refund for the broken chair',
    'How long does delivery take to Germany',
    'Can I change the delivery address of my parcel',
    'The payment failed but my card was charged',
  ],
  ar: [
    'أين طلبي، لم يصل بعد',
    'أريد استرداد المبلغ للكرسي المكسور',
    'كم يستغرق التوصيل إلى ألمانيا',
    'هل يمكنني تغيير عنوان التوصيل',
    'فشل الدفع ولكن تم خصم المبلغ من بطاقتي',
  ],
  fa: [
    'سفارش من کجاست، هنوز نرسیده',
    'برای صندلی شکسته بازپرداخت می‌خواهم',
    'ارسال به آلمان چقدر طول می‌کشد',
    'آیا می‌توانم آدرس ارسال را تغییر دهم',
    'پرداخت ناموفق بود ولی از کارتم کم شد',
  ],
};
const locales = ['en', 'ar', 'fa'] as const;

const stats = (xs: number[]) => ({ p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server of the run's own, so its memory holds nothing but this benchmark's keys. */
async function privateRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'cascade-bench-archive-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const state = { exited: false };
  const gone = new Promise<void>((resolve) => {
    child.once('exit', () => {
      state.exited = true;
      resolve();
    });
    // No redis-server on the PATH: there is nothing to stop.
    child.once('error', (e) => {
      console.error(`redis-server: ${e.message}`);
      state.exited = true;
      resolve();
    });
  });
  const running = () => !state.exited;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (running()) {
      child.kill('SIGTERM');
      await Promise.race([gone, sleep(5000)]);
      if (running()) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (!(await redisAnswers(url, 500))) {
    if (state.exited || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not answer on port ${port}`);
    }
    await sleep(50);
  }
  return { url, stop };
}

/** Runs `run` over `items`, `concurrency` at a time. */
async function pool<T>(items: T[], concurrency: number, run: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await run(items[i]!, i);
      }
    }),
  );
}

async function main(): Promise<void> {
  const schema = `bencharch${randomBytes(4).toString('hex')}`;
  const { DATABASE_URL } = benchDatabase(schema);
  const redisServer = await privateRedis();
  const db = serverDb(DATABASE_URL, schema, (e) => console.error(e.message));
  const raw = createClient({ url: redisServer.url });
  let redis: Awaited<ReturnType<typeof connectRedis>> | null = null;
  try {
    await raw.connect();
    await migrate(db, schema);
    // HOT_RETENTION_HOURS may be 0, which the archiver turns into its shortest expiry (1 s):
    // the keys it hands over to PostgreSQL are gone a second later instead of a day later.
    const config = loadConfig({ KEY_PREFIX: PREFIX, REDIS_URL: redisServer.url, HOT_RETENTION_HOURS: '0' });
    redis = await connectRedis(config, (e) => console.error(e.message));
    const k = keys(PREFIX);
    const links = localFileLinks();
    const deps: ArchiveDeps = {
      config,
      redis,
      keys: k,
      db,
      conversations: conversationStore(redis, k),
      messages: messageStore(redis, k, links.message),
      tickets: ticketStore(redis, k, (a) => links.link(a)),
      visitors: visitorStore(redis, k),
      answerTags: answerTags({ redis, keys: k, kb: kbStore(redis, k) }),
    };
    const r = redis;

    const memory = async () => {
      const info = await raw.info('memory');
      const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? NaN);
      return { usedMemory: field('used_memory'), rss: field('used_memory_rss'), keys: await raw.dbSize() };
    };

    // An ended conversation as the waterfall leaves it (see server/test/history/seed.ts).
    const seedOne = async (n: number): Promise<string> => {
      const siteId = `site${n % SITES}`;
      const locale = locales[n % 3]!;
      const at = Date.now();
      const id = `${n}x${randomBytes(6).toString('hex')}`;
      const visitorId = `v${id}`;
      const ticketed = n % 5 === 4;
      await deps.visitors.create(
        {
          id: visitorId,
          siteId,
          name: null,
          email: n % 2 === 0 ? `visitor${n}@example.com` : null,
          externalId: null,
          verified: false,
          locale,
          userAgent:
            'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
          createdAt: at,
        },
        `tok${id}`,
      );
      // Chatting makes the visitor last (waterfall/visitor-actions.ts).
      await deps.visitors.keep(siteId, visitorId);
      const c = newConversation({ id: `c${id}`, siteId, visitorId, locale, at });
      await deps.conversations.create(c);
      const events = k.events(siteId);
      await r.xAdd(events, '*', { event: 'started', conversationId: c.id, ts: String(at) });
      const messages = [];
      for (let i = 0; i < MESSAGES_PER_CONVERSATION; i++) {
        const { message } = await deps.messages.append({
          conversationId: c.id,
          clientMsgId: null,
          author: i % 2 === 0 ? 'visitor' : 'bot',
          agentId: null,
          authorName: null,
          text: phrases[locale][(n + i) % phrases[locale].length]!,
          ts: at + i + 1,
          internal: false,
          bot: null,
          event: null,
          data: null,
        });
        messages.push(message);
      }
      const closedAt = at + MESSAGES_PER_CONVERSATION + 1;
      let ended: Conversation = { ...c, state: ticketed ? 'ticketed' : 'resolved', closedAt, updatedAt: closedAt };
      if (ticketed) {
        const { ticket } = await deps.tickets.createOnce({
          id: `t${id}`,
          siteId,
          conversationId: c.id,
          status: 'open',
          reason: 'no_agent',
          skill: c.skill,
          level: c.level,
          assigneeId: null,
          note: null,
          visitor: { id: visitorId, name: null, email: null, locale },
          transcript: messages,
          pages: [],
          history: [],
          createdAt: closedAt,
          updatedAt: closedAt,
        });
        ended = { ...ended, ticketId: ticket.id, ticketNumber: ticket.number };
      } else ended = { ...ended, resolvedBy: 'bot' };
      await deps.conversations.update(c.id, ended);
      await r.xAdd(events, '*', {
        event: ticketed ? 'ticketed' : 'bot_resolved',
        conversationId: c.id,
        ts: String(closedAt),
      });
      return c.id;
    };

    const empty = await memory();
    const seedStart = performance.now();
    const ids: string[] = new Array<string>(CONVERSATIONS);
    for (let from = 0; from < CONVERSATIONS; from += SEED_BATCH) {
      const batch = Array.from({ length: Math.min(SEED_BATCH, CONVERSATIONS - from) }, (_, i) => from + i);
      await Promise.all(
        batch.map(async (n) => {
          ids[n] = await seedOne(n);
        }),
      );
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const archived = new Set(ids);

    /** Keys named after an archived conversation: its own (`{c:ID}`) and its event marks. */
    const conversationPatterns = [`${PREFIX}:{c:*`, `${PREFIX}:*:evonce:*`];
    const conversationKeys = async (): Promise<number> => {
      let n = 0;
      for (const pattern of conversationPatterns)
        for await (const batch of raw.scanIterator({ MATCH: pattern, COUNT: 1000 }))
          for (const key of batch) {
            const id = /\{c:([^}]+)\}/.exec(key)?.[1] ?? /:evonce:([^:]+):/.exec(key)?.[1];
            if (id && archived.has(id)) n++;
          }
      return n;
    };
    const before = await memory();
    const perConversationKeysBefore = await conversationKeys();

    const archiveMs: number[] = [];
    const outcomes: Record<string, number> = {};
    const archive = archiver(deps);
    const archiveStart = performance.now();
    await pool(ids, CONCURRENCY, async (id) => {
      const t = performance.now();
      const result = await archive.archive(id);
      archiveMs.push(performance.now() - t);
      outcomes[result] = (outcomes[result] ?? 0) + 1;
    });
    const archiveSeconds = (performance.now() - archiveStart) / 1000;

    // Wait for Redis to drop what the archiver gave an expiry: DBSIZE counts an expired key until
    // Redis reclaims it (its active expiry cycle, or a read of the key).
    const expectedKeys = before.keys - perConversationKeysBefore;
    const expiryStart = performance.now();
    let keysNow = await raw.dbSize();
    while (keysNow > expectedKeys && performance.now() - expiryStart < EXPIRY_TIMEOUT_MS) {
      await sleep(200);
      keysNow = await raw.dbSize();
    }
    const expirySeconds = (performance.now() - expiryStart) / 1000;
    const after = await memory();
    const perConversationKeysLeft = await conversationKeys();
    // jemalloc keeps freed pages until asked: what the process could give back.
    await raw.sendCommand(['MEMORY', 'PURGE']);
    const afterPurge = await memory();

    const [{ n: messages } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages');
    const [{ n: archivedRows } = { n: 0 }] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM conversations',
    );

    // The floor: one PostgreSQL row written and read back, and a Redis PING, one at a time.
    await db.exec('CREATE TABLE bench_floor (id int PRIMARY KEY, data jsonb NOT NULL)');
    const pgRow: number[] = [];
    for (let i = 0; i < FLOOR_RUNS; i++) {
      const t = performance.now();
      await db.query('INSERT INTO bench_floor (id, data) VALUES ($1, $2::jsonb)', [i, JSON.stringify({ i })]);
      await db.query('SELECT data FROM bench_floor WHERE id = $1', [i]);
      pgRow.push(performance.now() - t);
    }
    const ping: number[] = [];
    for (let i = 0; i < FLOOR_RUNS; i++) {
      const t = performance.now();
      await raw.ping();
      ping.push(performance.now() - t);
    }
    const pgRowMs = stats(pgRow);
    const archiveStats = stats(archiveMs);
    const savedBytes = before.usedMemory - after.usedMemory;

    report('archive', {
      conversations: CONVERSATIONS,
      archivedRows,
      messages,
      sites: SITES,
      seedSeconds: round(seedSeconds),
      archive: {
        seconds: round(archiveSeconds),
        conversationsPerSecond: round(CONVERSATIONS / archiveSeconds),
        concurrency: CONCURRENCY,
        perConversationMs: archiveStats,
        outcomes,
        /** One archive's p50 over one row written and read back: the archive is one transaction of several statements. */
        p50OverPgRowP50: round(archiveStats.p50 / pgRowMs.p50),
      },
      redis: {
        hotRetentionSeconds: 1,
        empty,
        before: { ...before, perConversationKeys: perConversationKeysBefore },
        after,
        afterPurge,
        expirySeconds: round(expirySeconds),
        savedBytes,
        savedBytesPerConversation: Math.round(savedBytes / CONVERSATIONS),
        /** Over the empty server's own memory, read before seeding. */
        usedBytesPerConversationBefore: Math.round((before.usedMemory - empty.usedMemory) / CONVERSATIONS),
        usedBytesPerConversationAfter: Math.round((after.usedMemory - empty.usedMemory) / CONVERSATIONS),
        perConversationKeysLeft,
      },
      floor: { redisPingMs: stats(ping), pgRowWriteReadMs: pgRowMs },
      targets: { perConversationKeysLeft: 0 },
      met: { perConversationKeysLeft: perConversationKeysLeft === 0 },
    });
  } finally {
    if (redis) await redis.close().catch(() => {});
    if (raw.isOpen) await raw.close().catch(() => {});
    await db.close().catch(() => {});
    await dropBenchSchema(schema).catch((e: unknown) => console.error(e));
    await redisServer.stop();
  }
}

await main();

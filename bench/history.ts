import { randomBytes } from 'node:crypto';
import { normalize } from '@cascade/bot';
import { historyNumbers, historyReader, localLinks, migrate, serverDb } from '@cascade/server';
import { ConversationSearchQuery } from '@cascade/shared';
import { benchDatabase, dropBenchSchema, percentile, report, round } from './support.ts';

/**
 * History in PostgreSQL at size: a year of conversations in English, Arabic and Persian with
 * their messages, seeded in a schema of the run's own (dropped at the end), then the console's
 * full-text search, its filter-only listing and the dashboard summary for a day, a month and a
 * year, each beside the floor of a `SELECT 1` round trip on the same connection pool.
 */
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 5000);
const MESSAGES_PER_CONVERSATION = Number(process.env.BENCH_MESSAGES_PER_CONVERSATION ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const DAY = 24 * 3600 * 1000;
const SITE = 'bench';

const phrases: Record<'en' | 'ar' | 'fa', string[]> = {
  en: [
    'Where is my order, it has not arrived yet',
    'I would like a refund for the broken chair',
    'How long does delivery take to Germany',
    'Can I change the delivery address of my parcel',
    'The payment failed but my card was charged',
    'Do you ship furniture abroad',
    'I need an invoice for my company',
    'The tracking number does not work',
    'Thank you, that solved my problem',
    'Can I return an item after thirty days',
  ],
  ar: [
    'أين طلبي، لم يصل بعد',
    'أريد استرداد المبلغ للكرسي المكسور',
    'كم يستغرق التوصيل إلى ألمانيا',
    'هل يمكنني تغيير عنوان التوصيل',
    'فشل الدفع ولكن تم خصم المبلغ من بطاقتي',
    'هل تشحنون الأثاث إلى الخارج',
    'أحتاج فاتورة لشركتي',
    'رقم التتبع لا يعمل',
    'شكراً، تم حل مشكلتي',
    'هل يمكنني إرجاع منتج بعد ثلاثين يوماً',
  ],
  fa: [
    'سفارش من کجاست، هنوز نرسیده',
    'برای صندلی شکسته بازپرداخت می‌خواهم',
    'ارسال به آلمان چقدر طول می‌کشد',
    'آیا می‌توانم آدرس ارسال را تغییر دهم',
    'پرداخت ناموفق بود ولی از کارتم کم شد',
    'آیا مبلمان را به خارج ارسال می‌کنید',
    'برای شرکتم فاکتور لازم دارم',
    'کد رهگیری کار نمی‌کند',
    'ممنون، مشکلم حل شد',
    'آیا بعد از سی روز می‌توانم کالا را پس بدهم',
  ],
};
const searches = [
  'refund',
  'delivery germany',
  'tracking',
  'استرداد',
  'التوصيل',
  'فاكتور',
  'سفارش',
  'رهگیری',
  'invoice',
];

async function timed(runs: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run(i);
    out.push(performance.now() - t);
  }
  return out;
}
const stats = (xs: number[]) => ({ p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)) });

async function main(): Promise<void> {
  const schema = `benchhist${randomBytes(4).toString('hex')}`;
  const { DATABASE_URL } = benchDatabase(schema);
  const db = serverDb(DATABASE_URL, schema, (e) => console.error(e.message));
  try {
    await migrate(db, schema);
    const now = Date.now();
    const start = now - 365 * DAY;
    for (let m = -1; m <= 13; m++) {
      const d = new Date(start);
      const from = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + m, 1));
      const to = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + m + 1, 1));
      const name = `${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
      for (const table of ['messages', 'events'])
        await db.exec(
          `CREATE TABLE IF NOT EXISTS ${table}_${name} PARTITION OF ${table} FOR VALUES FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`,
        );
    }
    const pool = Object.entries(phrases).flatMap(([lang, list]) =>
      list.map((text) => ({ lang, text, words: normalize(text) })),
    );

    const seedStart = performance.now();
    await db.query(
      `INSERT INTO conversations (id, site_id, visitor_id, state, locale, skill, level, agent_id, ticket_id, resolved_by,
         csat_score, transfers, created_at, closed_at, tags, data)
       SELECT 'c' || g, $1::text, 'v' || (g % ($2::int / 3 + 1)), s.state, s.locale, s.skill, s.level, s.agent, null, s.resolved_by,
         s.csat, s.transfers, s.created, s.created + interval '9 minutes',
         CASE WHEN g % 10 = 0 THEN ARRAY['refund'] ELSE '{}' END,
         jsonb_build_object('id', 'c' || g, 'siteId', $1::text, 'visitorId', 'v' || (g % ($2::int / 3 + 1)), 'state', s.state,
           'version', 5, 'locale', s.locale, 'skill', s.skill, 'level', s.level, 'widened', false, 'priority', 0,
           'agentId', s.agent, 'ticketId', null, 'ticketNumber', null, 'transfers', s.transfers, 'transferNote', null,
           'visitorEmail', null, 'offerReason', null, 'resolvedBy', s.resolved_by,
           'csat', CASE WHEN s.csat IS NULL THEN null ELSE jsonb_build_object('score', s.csat, 'comment', null,
             'ts', s.ms + 600000) END,
           'createdAt', s.ms, 'updatedAt', s.ms + 540000, 'queuedAt', s.ms + 60000, 'waitingSince', s.ms + 60000,
           'assignedAt', s.ms + 120000, 'firstResponseAt', s.ms + 150000, 'closedAt', s.ms + 540000)
       FROM generate_series(1, $2::int) AS g,
       LATERAL (SELECT
         (ARRAY['en','ar','fa'])[g % 3 + 1] AS locale,
         (ARRAY['resolved','resolved','resolved','ticketed','abandoned'])[g % 5 + 1] AS state,
         (ARRAY['general','billing','shipping'])[g % 3 + 1] AS skill,
         g % 2 + 1 AS level,
         CASE WHEN g % 4 = 0 THEN null ELSE 'a' || (g % 40) END AS agent,
         CASE WHEN g % 4 = 0 THEN 'bot' WHEN g % 5 < 3 THEN 'agent' ELSE null END AS resolved_by,
         CASE WHEN g % 3 = 0 THEN g % 5 + 1 ELSE null END AS csat,
         g % 7 / 6 AS transfers,
         to_timestamp(($3::float8 + (g::float8 / $2::int) * 365 * 86400000) / 1000) AS created,
         ($3::float8 + (g::float8 / $2::int) * 365 * 86400000)::bigint AS ms) AS s`,
      [SITE, CONVERSATIONS, start],
    );
    await db.query(
      `INSERT INTO messages (conversation_id, id, site_id, ts, author, agent_id, internal, text, search, data)
       SELECT c.id, (extract(epoch FROM c.created_at) * 1000)::bigint + n * 1000 || '-0', c.site_id,
         c.created_at + n * interval '1 second', CASE WHEN n % 2 = 0 THEN 'visitor' ELSE 'agent' END, null, false,
         p.text, to_tsvector('simple', p.words),
         jsonb_build_object('id', (extract(epoch FROM c.created_at) * 1000)::bigint + n * 1000 || '-0',
           'conversationId', c.id, 'author', 'visitor', 'agentId', null, 'authorName', null, 'text', p.text,
           'internal', false, 'bot', null, 'event', null, 'data', null, 'clientMsgId', null,
           'ts', (extract(epoch FROM c.created_at) * 1000)::bigint + n * 1000)
       FROM conversations c, generate_series(0, $1::int - 1) AS n,
       LATERAL (SELECT r.text, r.words FROM jsonb_to_recordset($2::jsonb) AS r(lang text, text text, words text)
         WHERE r.lang = c.locale OFFSET ((hashtext(c.id) & 1023) + n) % 10 LIMIT 1) AS p`,
      [MESSAGES_PER_CONVERSATION, JSON.stringify(pool)],
    );
    // As the archiver keeps it: every word of a conversation beside it, for search.
    await db.exec(
      `UPDATE conversations c SET search = (SELECT strip(tsvector_agg(m.search)) FROM messages m WHERE m.conversation_id = c.id)`,
    );
    await db.exec('ANALYZE');
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const [{ n: messages } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages');

    const reader = historyReader(db, localLinks());
    const numbers = historyNumbers(db);
    const floor = stats(await timed(RUNS * 2, () => db.query('SELECT 1')));
    const search = stats(
      await timed(RUNS, (i) =>
        reader.search([SITE], ConversationSearchQuery.parse({ q: searches[i % searches.length] })),
      ),
    );
    const filter = stats(
      await timed(RUNS, (i) =>
        reader.search(
          [SITE],
          ConversationSearchQuery.parse({
            outcome: ['resolved', 'ticketed', 'abandoned'][i % 3],
            skill: ['general', 'billing', 'shipping'][i % 3],
            locale: ['en', 'ar', 'fa'][i % 3],
          }),
        ),
      ),
    );
    const summary = (days: number) =>
      timed(Math.max(5, Math.round(RUNS / 6)), () =>
        numbers.summary({ siteId: SITE, from: now - days * DAY, to: now }),
      );
    const [day, month, year] = [await summary(1), await summary(31), await summary(365)];

    report('history', {
      conversations: CONVERSATIONS,
      messages,
      seedSeconds: round(seedSeconds),
      floorSelect1Ms: floor,
      searchMs: search,
      filterListingMs: filter,
      summaryMs: { day: stats(day), month: stats(month), year: stats(year) },
      targets: { searchP95: 150, filterP95: 50, yearMs: 1000 },
      met: {
        search: search.p95 <= 150,
        filter: filter.p95 <= 50,
        year: percentile(year, 50) <= 1000,
      },
    });
  } finally {
    await db.close();
    await dropBenchSchema(schema);
  }
}

await main();

import { randomUUID } from 'node:crypto';
import type { ConversationSearchResult, ConversationView, Message, RetentionSettings } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { historyStage } from '../support/history-stage.ts';
import { restClient } from '../support/rest.ts';
import type { TestClient } from '../support/clients.ts';

const stage = historyStage();

const DAY = 24 * 3600 * 1000;

/** A chat the bot solves and the visitor rates with a comment, once it is in PostgreSQL. */
async function ratedChat(visitor: TestClient): Promise<string> {
  await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'How long does delivery take?' });
  const answer = await visitor.next<Message>('message:new', (m) => m.author === 'bot' && m.bot?.kind === 'answer');
  const { conversation } = await visitor.ok<{ conversation: ConversationView }>('bot:feedback', {
    messageId: answer.id,
    helpful: true,
  });
  await visitor.ok('conversation:rate', { score: 5, comment: 'quick and kind' });
  await expect
    .poll(
      async () =>
        (await stage.db.query('SELECT 1 FROM conversations WHERE id = $1 AND csat_score = 5', [conversation.id]))
          .rowCount,
      { timeout: 30_000 },
    )
    .toBe(1);
  await stage.settled(conversation.id);
  return conversation.id;
}

const count = async (sql: string, params: unknown[]) =>
  Number((await stage.db.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);

describe('retention', () => {
  it('lets a site’s admins set how long transcripts and numbers are kept, checked, for their site only', async () => {
    const admin = await stage.as(0, 'admin');
    expect((await admin.get<{ retention: RetentionSettings }>('/api/retention?siteId=demo')).body.retention).toEqual({
      transcriptDays: null,
      recordDays: null,
    });
    const set = await admin.put<{ retention: RetentionSettings }>('/api/retention', {
      siteId: 'demo',
      retention: { transcriptDays: 30, recordDays: 365 },
    });
    expect(set.body.retention).toEqual({ transcriptDays: 30, recordDays: 365 });
    for (const retention of [
      { transcriptDays: 0, recordDays: null },
      { transcriptDays: 90, recordDays: 30 },
      { transcriptDays: 'a', recordDays: null },
    ]) {
      const bad = await admin.put<{ error: { code: string } }>('/api/retention', { siteId: 'demo', retention });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid_payload');
    }
    const body = { siteId: 'demo', retention: { transcriptDays: 1, recordDays: 1 } };
    expect((await (await stage.as(1, 'admin')).put('/api/retention', body)).status).toBe(404);
    expect((await (await stage.as(0, 'supervisor')).put('/api/retention', body)).status).toBe(403);
    expect((await (await stage.as(0, 'agent')).get('/api/retention?siteId=demo')).status).toBe(403);
    const audit = await admin.get<{ entries: { action: string }[] }>('/api/audit?siteId=demo');
    expect(audit.body.entries.map((e) => e.action)).toContain('PUT /api/retention');
  });

  it('strips transcripts past their days but keeps the numbers, then drops the numbers past theirs', async () => {
    const admin = await stage.as(0, 'admin');
    await admin.put('/api/retention', { siteId: 'demo', retention: { transcriptDays: 30, recordDays: 365 } });
    const visitor = await stage.h.visitor();
    const mine = await ratedChat(visitor);
    const { visitorId } = (
      await stage.db.query('SELECT visitor_id AS "visitorId" FROM conversations WHERE id = $1', [mine])
    ).rows[0] as { visitorId: string };
    const theirs = await ratedChat(await stage.h.visitor({ siteKey: stage.h.demos[1]!.siteKey }));
    visitor.close();
    expect(await count('SELECT count(*) AS n FROM messages WHERE conversation_id = $1', [mine])).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM events WHERE conversation_id = $1', [mine])).toBeGreaterThan(0);
    const siteEvents = `${stage.h.prefix}:{s:demo}:events`;
    expect(await stage.redis.xLen(siteEvents)).toBeGreaterThan(0);

    const lina = restClient(stage.h.url, await stage.h.login('lina@cedar.example'));
    const found = async () =>
      (
        await lina.get<ConversationSearchResult>('/api/conversations?siteId=demo&q=delivery%20take')
      ).body.conversations.map((c) => c.conversation.id);
    expect(await found()).toContain(mine);

    // Ten days on, nothing is old enough.
    await stage.h.cascade.retention.sweep(Date.now() + 10 * DAY);
    expect(await count('SELECT count(*) AS n FROM messages WHERE conversation_id = $1', [mine])).toBeGreaterThan(0);

    // Forty days on: the text is gone, the numbers stay.
    const [report] = await stage.h.cascade.retention.sweep(Date.now() + 40 * DAY);
    expect(report).toMatchObject({ siteId: 'demo', conversations: 0 });
    expect(report!.stripped).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM messages WHERE conversation_id = $1', [mine])).toBe(0);
    // Its words went with its text: a search no longer finds it.
    expect(await found()).not.toContain(mine);
    const [kept] = (
      await stage.db.query('SELECT csat_score, state, data, stripped_at FROM conversations WHERE id = $1', [mine])
    ).rows as { csat_score: number; state: string; data: { csat: { score: number; comment: string | null } } }[];
    expect(kept).toMatchObject({ csat_score: 5, state: 'resolved', data: { csat: { score: 5, comment: null } } });
    expect(JSON.stringify(kept)).not.toContain('quick and kind');
    expect(await count('SELECT count(*) AS n FROM events WHERE conversation_id = $1', [mine])).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM visitors WHERE id = $1', [visitorId])).toBe(0);
    expect(await stage.redis.exists(`${stage.h.prefix}:{s:demo}:visitor:${visitorId}`)).toBe(0);
    // Long before the forty days, HOT_RETENTION_HOURS has let the Redis copy go.
    await stage.redis.del([
      `${stage.h.prefix}:{c:${mine}}:conv`,
      `${stage.h.prefix}:{c:${mine}}:msgs`,
      `${stage.h.prefix}:{c:${mine}}:dedupe`,
    ]);
    const transcript = await lina.get<{ messages: Message[] }>(`/api/conversations/${mine}`);
    expect(transcript.status).toBe(200);
    expect(transcript.body.messages).toEqual([]);

    // A year and more on: the numbers go too, in PostgreSQL and in Redis.
    await stage.h.cascade.retention.sweep(Date.now() + 400 * DAY);
    expect(await count('SELECT count(*) AS n FROM conversations WHERE id = $1', [mine])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM events WHERE conversation_id = $1', [mine])).toBe(0);
    expect(await stage.redis.xLen(siteEvents)).toBe(0);

    // A site without a retention period keeps everything.
    expect(await count('SELECT count(*) AS n FROM messages WHERE conversation_id = $1', [theirs])).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM conversations WHERE id = $1', [theirs])).toBe(1);
    expect(await stage.redis.xLen(`${stage.h.prefix}:{s:${stage.h.demos[1]!.siteId}}:events`)).toBeGreaterThan(0);
  });

  it('runs the sweep daily as a BullMQ job', async () => {
    const scheduler = await stage.h.cascade.queues.history.getJobScheduler('retention-sweep');
    expect(scheduler).toMatchObject({ name: 'retention-sweep', every: 24 * 3600 * 1000 });
  });
});

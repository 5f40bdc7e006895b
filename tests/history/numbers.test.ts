import { randomUUID } from 'node:crypto';
import type { ConversationView, HistorySummary, Message } from '@cascade/shared';
import { parseCsvRows } from '@cascade/shared/csv';
import { describe, expect, it } from 'vitest';
import { historyStage } from '../support/history-stage.ts';

const stage = historyStage();

const DAY = 24 * 3600 * 1000;

/** A chat the bot solved, rated `score` stars (and, given `nps`, answered 0-10), once it is in PostgreSQL. */
async function ratedChat(score: number, nps?: { score: number; comment: string }): Promise<string> {
  const visitor = await stage.h.visitor();
  await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'How long does delivery take?' });
  const answer = await visitor.next<Message>('message:new', (m) => m.author === 'bot' && m.bot?.kind === 'answer');
  const { conversation } = await visitor.ok<{ conversation: ConversationView }>('bot:feedback', {
    messageId: answer.id,
    helpful: true,
  });
  await visitor.ok('conversation:rate', { score });
  if (nps) await visitor.ok('conversation:nps', nps);
  await expect
    .poll(
      async () =>
        (
          await stage.db.query(
            'SELECT 1 FROM conversations WHERE id = $1 AND csat_score = $2 AND nps_score IS NOT DISTINCT FROM $3',
            [conversation.id, score, nps?.score ?? null],
          )
        ).rowCount,
      { timeout: 30_000 },
    )
    .toBe(1);
  await stage.settled(conversation.id);
  visitor.close();
  return conversation.id;
}

/** The supervisor's CSV export of the two days from `start`. */
async function exportCsv(start: number): Promise<Response> {
  const supervisor = stage.account(0, 'supervisor');
  return fetch(`${stage.h.url}/api/history/conversations.csv?siteId=demo&from=${start}&to=${start + 2 * DAY}`, {
    headers: { cookie: (await stage.h.login(supervisor.email, supervisor.password)).cookie },
  });
}

describe('numbers and exports from PostgreSQL', () => {
  it('sums any range up to a year, by tag and agent, for the site’s supervisors only', async () => {
    const start = Date.now() - DAY;
    const a = await ratedChat(5);
    await ratedChat(2);
    const lina = await stage.as(0, 'agent');
    await lina.post(`/api/conversations/${a}/tags`, { tag: 'shipping' });
    const sara = await stage.as(0, 'supervisor');
    const day = await sara.get<HistorySummary>(`/api/history/summary?siteId=demo&from=${start}&to=${start + 2 * DAY}`);
    expect(day.status).toBe(200);
    expect(day.body).toMatchObject({
      conversations: 2,
      resolved: 2,
      resolvedByBot: 2,
      ratings: 2,
      csatAverage: 3.5,
      csatSatisfied: 0.5,
      firstContactResolution: 1,
      byTag: [{ tag: 'shipping', conversations: 1 }],
    });
    const year = await sara.get<HistorySummary>(
      `/api/history/summary?siteId=demo&from=${start - 364 * DAY}&to=${start + 2 * DAY}`,
    );
    expect(year.body.conversations).toBe(2);
    const before = await sara.get<HistorySummary>(
      `/api/history/summary?siteId=demo&from=${start - 300 * DAY}&to=${start}`,
    );
    expect(before.body).toMatchObject({ conversations: 0, csatAverage: null, firstContactResolution: null });

    const range = `from=${start}&to=${start + 2 * DAY}`;
    expect((await sara.get(`/api/history/summary?siteId=demo&from=${start}&to=${start + 400 * DAY}`)).status).toBe(400);
    expect((await sara.get(`/api/history/summary?siteId=demo&from=${start}&to=${start}`)).status).toBe(400);
    expect((await lina.get(`/api/history/summary?siteId=demo&${range}`)).status).toBe(403);
    // The visitors' own words in NPS comments are for supervisors of the site alone.
    expect((await lina.get(`/api/history/nps-comments?siteId=demo&${range}`)).status).toBe(403);
    expect((await (await stage.as(1, 'admin')).get(`/api/history/nps-comments?siteId=demo&${range}`)).status).toBe(404);
    expect((await (await stage.as(1, 'admin')).get(`/api/history/summary?siteId=demo&${range}`)).status).toBe(404);
    expect((await (await stage.as(1, 'admin')).get(`/api/history/conversations.csv?siteId=demo&${range}`)).status).toBe(
      404,
    );
    const outlet = await (
      await stage.as(1, 'admin')
    ).get<HistorySummary>(`/api/history/summary?siteId=${stage.h.demos[1]!.siteId}&${range}`);
    expect(outlet.body.conversations).toBe(0);
  });

  it('exports a range’s conversations as CSV with formula cells neutralised', async () => {
    const start = Date.now() - DAY;
    const id = await ratedChat(4);
    // A hostile value that reached the database some other way still cannot run in a spreadsheet.
    await stage.db.query(`UPDATE conversations SET agent_id = '=HYPERLINK("http://evil.example")' WHERE id = $1`, [id]);
    const res = await exportCsv(start);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const rows = parseCsvRows(await res.text());
    expect(rows[0]).toEqual([
      'id',
      'started',
      'ended',
      'outcome',
      'resolved_by',
      'skill',
      'level',
      'agent',
      'language',
      'rating',
      'nps',
      'nps_comment',
      'transfers',
      'ticket',
      'tags',
    ]);
    const row = rows.find((r) => r[0] === id);
    // Not asked NPS: its two cells are empty.
    expect(row?.slice(3, 13)).toEqual([
      'resolved',
      'bot',
      'general',
      '1',
      `'=HYPERLINK("http://evil.example")`,
      'en',
      '4',
      '',
      '',
      '0',
    ]);
    expect(rows.every((r) => r.every((c) => !/^[=+\-@]/.test(c)))).toBe(true);
  });

  it('exports the NPS score and comment, a comment that looks like a formula neutralised', async () => {
    const start = Date.now() - DAY;
    await stage.h.configureSite({ nps: { periodDays: 90, replacesCsat: false } });
    const comment = '=1+1, "quick", and kind';
    const id = await ratedChat(5, { score: 9, comment });
    const rows = parseCsvRows(await (await exportCsv(start)).text());
    expect(rows.find((r) => r[0] === id)?.slice(9, 12)).toEqual(['5', '9', `'${comment}`]);
    await stage.h.configureSite({ nps: null });
  });
});

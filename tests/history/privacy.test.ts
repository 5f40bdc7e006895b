import { randomBytes, randomUUID } from 'node:crypto';
import type { ConversationView, ErasureResult, FoundVisitors, Message, VisitorExport } from '@cascade/shared';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { historyStage } from '../support/history-stage.ts';

const stage = historyStage();

const send = (text: string) => ({ clientMsgId: randomUUID(), text });

async function archived(id: string, withTicket = false): Promise<void> {
  const sql = `SELECT 1 FROM conversations WHERE id = $1 ${withTicket ? 'AND ticket_id IS NOT NULL' : ''}`;
  await expect.poll(async () => (await stage.db.query(sql, [id])).rowCount, { timeout: 30_000 }).toBe(1);
  if (withTicket) {
    await expect
      .poll(async () => (await stage.db.query('SELECT 1 FROM tickets WHERE conversation_id = $1', [id])).rowCount, {
        timeout: 30_000,
      })
      .toBe(1);
  }
}

/** A signed-in visitor who chats, leaves their address for a callback, and gets a ticket. */
async function personWithTicket(email: string, sub: string, words: string) {
  const secret = (await stage.h.cascade.sites.secrets(stage.h.demo.siteId))!.identitySecret;
  const identity = await new SignJWT({ email, name: 'Ramin' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret));
  const visitor = await stage.h.visitor({ identity });
  await visitor.ok('page:view', { url: `https://shop.example/orders?ref=${words}`, title: 'Orders' });
  await visitor.ok('message:send', send(`My order ${words} never arrived`));
  const offered = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
  expect(offered.conversation.state).toBe('offered_ticket');
  await visitor.ok('conversation:leave-email', { email, name: 'Ramin' });
  await archived(offered.conversation.id, true);
  return { visitor, conversationId: offered.conversation.id };
}

/** Every key of this run (the store's and the job queues'), each with its value as text. */
async function redisDump(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const pattern of [`${stage.h.prefix}:*`, `{${stage.h.prefix}:jobs}*`]) {
    for await (const batch of stage.redis.scanIterator({ MATCH: pattern, COUNT: 500 })) {
      for (const key of batch) {
        const type = await stage.redis.type(key);
        const value =
          type === 'string'
            ? await stage.redis.get(key)
            : type === 'hash'
              ? await stage.redis.hGetAll(key)
              : type === 'set'
                ? await stage.redis.sMembers(key)
                : type === 'zset'
                  ? await stage.redis.zRange(key, 0, -1)
                  : type === 'list'
                    ? await stage.redis.lRange(key, 0, -1)
                    : type === 'stream'
                      ? await stage.redis.xRange(key, '-', '+')
                      : type;
        out[key] = JSON.stringify(value);
      }
    }
  }
  return out;
}

/** Every row of every table of this run's schema, as text, by table. */
async function tablesDump(): Promise<Record<string, string>> {
  const { rows } = await stage.db.query<{ name: string }>(
    `SELECT format('%I', table_name) AS name FROM information_schema.tables
     WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
    [stage.h.prefix],
  );
  const out: Record<string, string> = {};
  for (const { name } of rows) {
    const all = await stage.db.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
    out[name] = all.rows.map((r) => r.row).join('\n');
  }
  return out;
}

const holding = (dump: Record<string, string>, needle: string) =>
  Object.entries(dump)
    .filter(([key, value]) => key.includes(needle) || value.toLowerCase().includes(needle.toLowerCase()))
    .map(([key]) => key);

describe('export and erasure of one person (GDPR)', () => {
  it('exports everything held about a visitor, then erases it everywhere, keeping only that it happened', async () => {
    const tag = randomBytes(4).toString('hex');
    const email = `erase-${tag}@example.com`;
    const sub = `customer-${tag}`;
    const words = `zebra${tag}`;
    const { visitor, conversationId } = await personWithTicket(email, sub, words);
    const other = await personWithTicket(`keep-${tag}@example.com`, `keep-${tag}`, `giraffe${tag}`);
    const admin = await stage.as(0, 'admin');

    const found = await admin.post<FoundVisitors>('/api/privacy/find', { siteId: 'demo', email: email.toUpperCase() });
    expect(found.status).toBe(200);
    expect(found.body.visitors).toHaveLength(1);
    const visitorId = found.body.visitors[0]!.visitor.id;
    expect(found.body.visitors[0]).toMatchObject({ visitor: { externalId: sub, email }, conversations: 1 });
    for (const by of [{ externalId: sub }, { conversationId }, { visitorId }]) {
      const r = await admin.post<FoundVisitors>('/api/privacy/find', { siteId: 'demo', ...by });
      expect(r.body.visitors.map((v) => v.visitor.id)).toEqual([visitorId]);
    }

    const exported = await admin.post<VisitorExport>('/api/privacy/export', { siteId: 'demo', externalId: sub });
    expect(exported.status).toBe(200);
    const [mine] = exported.body.visitors;
    expect(mine?.visitor).toMatchObject({ id: visitorId, email, externalId: sub, verified: true });
    expect(mine?.pages.map((p) => p.url)).toContain(`https://shop.example/orders?ref=${words}`);
    expect(mine?.conversations.map((c) => c.conversation.id)).toEqual([conversationId]);
    expect(mine?.conversations[0]?.messages.map((m: Message) => m.text)).toContain(`My order ${words} never arrived`);
    expect(mine?.tickets.map((t) => t.conversationId)).toEqual([conversationId]);
    expect(mine?.tickets[0]?.visitor.email).toBe(email);
    expect(JSON.stringify(exported.body)).not.toContain(`giraffe${tag}`);

    visitor.close();
    const erased = await admin.post<ErasureResult>('/api/privacy/erase', { siteId: 'demo', email });
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toMatchObject({ visitors: 1, conversations: 1, tickets: 1 });
    expect(erased.body.erased.messages).toBeGreaterThan(0);

    const inRedis = await redisDump();
    const inTables = await tablesDump();
    for (const needle of [visitorId, email, sub, words]) {
      expect(holding(inRedis, needle), `Redis still holds ${needle}`).toEqual([]);
      expect(holding(inTables, needle), `PostgreSQL still holds ${needle}`).toEqual([]);
    }
    const storeKeys = Object.fromEntries(Object.entries(inRedis).filter(([k]) => k.startsWith(`${stage.h.prefix}:`)));
    expect(holding(storeKeys, conversationId)).toEqual([]);
    expect(holding(inTables, conversationId)).toEqual([]);

    // The other person is untouched; the erasure is on record, without whom it was about.
    expect((await stage.db.query('SELECT 1 FROM conversations WHERE id = $1', [other.conversationId])).rowCount).toBe(
      1,
    );
    const list = await admin.get<{ erasures: { erased: ErasureResult['erased']; actorId: string }[] }>(
      '/api/privacy/erasures?siteId=demo',
    );
    expect(list.body.erasures).toEqual([expect.objectContaining({ erased: erased.body.erased })]);
    const audit = await admin.get<{ entries: { action: string; fields: string[] }[] }>('/api/audit?siteId=demo');
    expect(audit.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'POST /api/privacy/erase', fields: ['email', 'siteId'] }),
        expect.objectContaining({ action: 'POST /api/privacy/export', fields: ['externalId', 'siteId'] }),
      ]),
    );
    const after = await admin.post<VisitorExport>('/api/privacy/export', { siteId: 'demo', email });
    expect(after.body.visitors).toEqual([]);
    expect((await admin.post('/api/privacy/erase', { siteId: 'demo', email })).status).toBe(404);
    other.visitor.close();
  });

  it('refuses to erase a visitor in a live chat', async () => {
    const visitor = await stage.h.visitor();
    await visitor.ok('message:send', send('hello there'));
    const { conversation } = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    const admin = await stage.as(0, 'admin');
    const r = await admin.post<{ error: { code: string } }>('/api/privacy/erase', {
      siteId: 'demo',
      conversationId: conversation.id,
    });
    expect(r.status).toBe(409);
    expect((await stage.redis.exists(`${stage.h.prefix}:{c:${conversation.id}}:conv`)) === 1).toBe(true);
    visitor.close();
  });

  it('keeps each site to its own admins and checks every request', async () => {
    const { conversationId } = await personWithTicket(`iso-${randomUUID()}@example.com`, `iso-${randomUUID()}`, 'owl');
    const outlet = await stage.as(1, 'admin');
    const outletSite = stage.h.demos[1]!.siteId;
    for (const path of ['find', 'export', 'erase']) {
      expect((await outlet.post(`/api/privacy/${path}`, { siteId: 'demo', conversationId })).status).toBe(404);
    }
    // Named under its own site, another site's conversation matches nobody.
    const theirs = await outlet.post<FoundVisitors>('/api/privacy/find', { siteId: outletSite, conversationId });
    expect(theirs.body.visitors).toEqual([]);
    expect((await outlet.post('/api/privacy/erase', { siteId: outletSite, conversationId })).status).toBe(404);
    expect((await outlet.get('/api/privacy/erasures?siteId=demo')).status).toBe(404);

    const agent = await stage.as(0, 'agent');
    expect((await agent.post('/api/privacy/export', { siteId: 'demo', conversationId })).status).toBe(403);
    expect(
      (await (await stage.as(0, 'supervisor')).post('/api/privacy/erase', { siteId: 'demo', conversationId })).status,
    ).toBe(403);
    const admin = await stage.as(0, 'admin');
    for (const body of [
      { siteId: 'demo' },
      { siteId: 'demo', email: 'a@example.com', conversationId },
      { siteId: 'demo', email: 'not an address' },
    ]) {
      const bad = await admin.post<{ error: { code: string } }>('/api/privacy/find', body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid_payload');
    }
    expect((await fetch(`${stage.h.url}/api/privacy/erasures?siteId=demo`)).status).toBe(401);
    expect((await stage.db.query('SELECT 1 FROM conversations WHERE id = $1', [conversationId])).rowCount).toBe(1);
  });
});

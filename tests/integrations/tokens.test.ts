import { randomUUID } from 'node:crypto';
import type { ApiToken, ApiTokenCreated, ConversationView, Ticket, TicketSummary } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';

let h: Harness;
let admin: ReturnType<typeof restClient>;
beforeAll(async () => {
  h = await startCascade();
  admin = restClient(h.url, await h.login('admin@cedar.example'));
});
afterAll(async () => {
  await h.close();
});

/** A ticket of the site whose widget key is given: its visitor finds nobody online and leaves an email. */
async function ticketOf(siteKey: string, siteId: string): Promise<Ticket> {
  const visitor = await h.visitor({ siteKey });
  const offered = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
  await visitor.ok('conversation:leave-email', { email: `v${randomUUID().slice(0, 8)}@example.com` });
  visitor.close();
  const ticket = await h.cascade.tickets.ofConversation(siteId, offered.conversation.id);
  if (!ticket) throw new Error('no ticket');
  return ticket;
}

async function newToken(scopes: string[], siteId = h.demo.siteId): Promise<ApiTokenCreated> {
  const r = await admin.post<ApiTokenCreated>('/api/integrations/tokens', { siteId, name: 'Helpdesk sync', scopes });
  expect(r.status).toBe(201);
  return r.body;
}

/** A request with the token and nothing else: no cookie, no CSRF header. */
function withToken(secret: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${h.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${secret}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('API tokens', () => {
  it('shows the secret once, keeps only its hash, and lists the token with its scopes', async () => {
    const { token, secret } = await newToken(['tickets:read', 'tickets:read', 'metrics:read']);
    expect(secret).toMatch(/^cas_[A-Za-z0-9_-]{40,}$/);
    expect(token).toMatchObject({ siteId: h.demo.siteId, name: 'Helpdesk sync', lastUsedAt: null });
    expect(token.scopes).toEqual(['tickets:read', 'metrics:read']);
    const listed = await admin.get<{ tokens: ApiToken[] }>(`/api/integrations/tokens?siteId=${h.demo.siteId}`);
    expect(listed.body.tokens.find((t) => t.id === token.id)).toEqual(token);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(JSON.stringify(await h.snapshot())).not.toContain(secret);
  });

  it('reads tickets of its own site only, and notes when it was last used', async () => {
    const mine = await ticketOf(h.demo.siteKey, h.demo.siteId);
    const b = h.demos[1];
    if (!b) throw new Error('no second demo site');
    const theirs = await ticketOf(b.siteKey, b.siteId);
    const { token, secret } = await newToken(['tickets:read']);

    const list = await withToken(secret, 'GET', '/api/tickets');
    expect(list.status).toBe(200);
    const { tickets } = (await list.json()) as { tickets: TicketSummary[] };
    expect(tickets.map((t) => t.id)).toContain(mine.id);
    expect(tickets.every((t) => t.siteId === h.demo.siteId)).toBe(true);
    expect((await withToken(secret, 'GET', `/api/tickets/${mine.id}`)).status).toBe(200);
    expect((await withToken(secret, 'GET', `/api/tickets/${theirs.id}`)).status).toBe(404);
    const other = (await (await withToken(secret, 'GET', `/api/tickets?siteId=${b.siteId}`)).json()) as {
      tickets: TicketSummary[];
    };
    expect(other.tickets).toEqual([]);

    const listed = await admin.get<{ tokens: ApiToken[] }>(`/api/integrations/tokens?siteId=${h.demo.siteId}`);
    expect(listed.body.tokens.find((t) => t.id === token.id)?.lastUsedAt).toEqual(expect.any(Number));
  });

  it('refuses what its scopes do not cover, and every route meant for people', async () => {
    const ticket = await ticketOf(h.demo.siteKey, h.demo.siteId);
    const { secret } = await newToken(['tickets:read']);
    const patch = await withToken(secret, 'PATCH', `/api/tickets/${ticket.id}`, { status: 'pending' });
    expect(patch.status).toBe(403);
    expect(await patch.json()).toEqual({
      error: { code: 'forbidden', message: 'this token lacks the tickets:write scope' },
    });
    expect((await withToken(secret, 'GET', '/api/metrics/summary')).status).toBe(403);
    for (const [method, path] of [
      ['GET', '/api/auth/me'],
      ['GET', `/api/integrations/tokens?siteId=${h.demo.siteId}`],
      ['GET', `/api/sites/settings?siteId=${h.demo.siteId}`],
      ['GET', '/api/deliveries'],
    ] as const) {
      const r = await withToken(secret, method, path);
      expect(r.status, path).toBe(403);
    }
    const minting = await withToken(secret, 'POST', '/api/integrations/tokens', {
      siteId: h.demo.siteId,
      name: 'more',
      scopes: ['tickets:write'],
    });
    expect(minting.status).toBe(403);
  });

  it('changes a ticket without the CSRF header, which a cookie session still needs', async () => {
    const ticket = await ticketOf(h.demo.siteKey, h.demo.siteId);
    const { secret } = await newToken(['tickets:write', 'tickets:read']);
    const patched = await withToken(secret, 'PATCH', `/api/tickets/${ticket.id}`, { status: 'pending' });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { ticket: Ticket }).ticket.status).toBe('pending');

    const { cookie } = await h.login('admin@cedar.example');
    const noCsrf = await fetch(`${h.url}/api/tickets/${ticket.id}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'open' }),
    });
    expect(noCsrf.status).toBe(403);
  });

  it('reads the numbers and writes the knowledge base with the matching scopes', async () => {
    const { secret } = await newToken(['metrics:read', 'kb:write']);
    expect((await withToken(secret, 'GET', `/api/metrics/summary?siteId=${h.demo.siteId}`)).status).toBe(200);
    const added = await withToken(secret, 'POST', `/api/kb?siteId=${h.demo.siteId}`, {
      skill: 'general',
      content: { en: { question: 'Do you ship to Oslo?', phrasings: [], answer: 'Yes, in three days.' } },
      related: [],
    });
    expect(added.status).toBe(200);
  });

  it('refuses a revoked token and a made-up one', async () => {
    const { token, secret } = await newToken(['tickets:read']);
    expect((await withToken(secret, 'GET', '/api/tickets')).status).toBe(200);
    const revoked = await admin.delete(`/api/integrations/tokens/${token.id}?siteId=${h.demo.siteId}`);
    expect(revoked.status).toBe(204);
    const after = await withToken(secret, 'GET', '/api/tickets');
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    expect((await withToken(`cas_${'x'.repeat(43)}`, 'GET', '/api/tickets')).status).toBe(401);
    expect((await admin.delete(`/api/integrations/tokens/${token.id}?siteId=${h.demo.siteId}`)).status).toBe(404);
  });

  it('lets only the site’s admins manage its tokens, and says what is wrong with a bad request', async () => {
    const b = h.demos[1];
    if (!b) throw new Error('no second demo site');
    const other = await admin.post('/api/integrations/tokens', {
      siteId: b.siteId,
      name: 'x',
      scopes: ['tickets:read'],
    });
    expect(other.status).toBe(404);
    const supervisor = restClient(h.url, await h.login('sara@cedar.example'));
    const notAdmin = await supervisor.post('/api/integrations/tokens', {
      siteId: h.demo.siteId,
      name: 'x',
      scopes: ['tickets:read'],
    });
    expect(notAdmin.status).toBe(403);
    const bad = await admin.post<{ error: { code: string; message: string } }>('/api/integrations/tokens', {
      siteId: h.demo.siteId,
      name: 'x',
      scopes: ['everything'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_payload');
  });
});

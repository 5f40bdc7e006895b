import { randomUUID } from 'node:crypto';
import type { ChatSummary, ConversationView, TicketSummary } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

/** Site B's chat and ticket, made by B's own visitor and agent. */
async function siteBFacts() {
  const [, b] = h.demos;
  if (!b) throw new Error('no second demo site');
  const agentB = await h.agent(b.accounts[0]!.email);
  const visitorB = await h.visitor({ siteKey: b.siteKey });
  await visitorB.ok('message:send', { clientMsgId: randomUUID(), text: 'my order from the outlet is late' });
  await visitorB.ok('conversation:escalate', {});
  const chat = await agentB.next<ChatSummary>('chat:assigned');
  const { ticket } = await agentB.ok<{ ticket: TicketSummary }>('chat:followup', {
    conversationId: chat.conversation.id,
    note: 'B only',
  });
  return { b, agentB, visitorB, conversationId: chat.conversation.id, ticket, visitorBToken: visitorB.token };
}

describe('two sites on one server', () => {
  it('keeps site A’s agent out of everything of site B, over REST and the socket, revealing nothing', async () => {
    const B = await siteBFacts();
    const agentA = await h.agent('lina@cedar.example');
    const adminA = restClient(h.url, await h.login('admin@cedar.example'));

    for (const [event, payload] of [
      ['chat:open', { conversationId: B.conversationId }],
      ['chat:sync', { conversationId: B.conversationId, after: null }],
      ['chat:send', { conversationId: B.conversationId, clientMsgId: randomUUID(), text: 'hi' }],
      ['chat:resolve', { conversationId: B.conversationId }],
      ['chat:followup', { conversationId: B.conversationId, note: 'x' }],
      ['chat:transfer', { conversationId: B.conversationId, level: 2, note: 'x' }],
      ['chat:pick', { conversationId: B.conversationId }],
      ['chat:typing', { conversationId: B.conversationId, typing: true }],
    ] as const) {
      const r = await agentA.request(event, payload);
      expect(r.ok, event).toBe(false);
      if (!r.ok) expect(r.error.code, event).toBe('not_found');
    }
    const unknown = await agentA.request('chat:open', { conversationId: 'does-not-exist' });
    expect(unknown).toEqual({ ok: false, error: { code: 'not_found', message: 'no such chat' } });
    const inbox = await agentA.ok<{ mine: ChatSummary[]; waiting: ChatSummary[] }>('inbox:get', {});
    expect([...inbox.mine, ...inbox.waiting].map((c) => c.conversation.siteId)).not.toContain(B.b.siteId);

    const bSite = B.b.siteId;
    expect((await adminA.get(`/api/tickets/${B.ticket.id}`)).status).toBe(404);
    expect((await adminA.get<{ tickets: TicketSummary[] }>(`/api/tickets?siteId=${bSite}`)).body.tickets).toEqual([]);
    expect(
      (await adminA.get<{ tickets: TicketSummary[] }>('/api/tickets')).body.tickets.map((t) => t.siteId),
    ).not.toContain(bSite);
    for (const path of [
      `/api/kb?siteId=${bSite}`,
      `/api/sites/settings?siteId=${bSite}`,
      `/api/metrics/summary?siteId=${bSite}`,
      `/api/agents?siteId=${bSite}`,
      `/api/board?siteId=${bSite}`,
      `/api/kb/export?siteId=${bSite}`,
    ]) {
      const r = await adminA.get<{ error: { code: string } }>(path);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code, path).toBe('not_found');
    }
    expect((await adminA.patch(`/api/sites/settings?siteId=${bSite}`, { maxWaitSeconds: 5 })).status).toBe(404);
    expect(
      (await adminA.post('/api/kb/import', { siteId: bSite, format: 'json', data: [], replace: true })).status,
    ).toBe(404);
    expect((await adminA.delete(`/api/kb/delivery-times?siteId=${bSite}`)).status).toBe(404);
    expect((await adminA.post('/api/sites/secrets/rotate', { siteId: bSite, secret: 'identity' })).status).toBe(404);
    expect((await h.cascade.kb.count(bSite)) > 0).toBe(true);
    agentA.close();
    B.agentB.close();
    B.visitorB.close();
  });

  it('does not let a visitor token of site B open site A’s conversations', async () => {
    const [a, b] = h.demos;
    const visitorB = await h.visitor({ siteKey: b!.siteKey });
    await visitorB.ok('message:send', { clientMsgId: randomUUID(), text: 'hello from the outlet' });
    const asA = await h.visitor({ siteKey: a!.siteKey, token: visitorB.token });
    expect(asA.token).not.toBe(visitorB.token);
    const hello = await asA.ok<{ conversation: ConversationView | null; messages: unknown[] }>('hello', {
      after: null,
      page: null,
    });
    expect(hello.conversation).toBeNull();
    expect(hello.messages).toEqual([]);
    visitorB.close();
    asA.close();
  });
});

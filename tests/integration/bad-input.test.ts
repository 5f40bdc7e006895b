import { randomUUID } from 'node:crypto';
import type { ChatDetail, ChatSummary } from '@cascade/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { handshakeOutcome } from '../support/clients.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

const junk: unknown[] = [
  null,
  42,
  'text',
  [],
  { text: '' },
  { clientMsgId: 'not-a-uuid', text: 'hi' },
  { clientMsgId: '6f1c1e7e-7d6a-4f7e-9a43-3c1a2b3c4d5e', text: 'x'.repeat(5000) },
  { conversationId: '../../etc', text: 'hi' },
  { conversationId: 'abc', clientMsgId: '6f1c1e7e-7d6a-4f7e-9a43-3c1a2b3c4d5e', text: 42 },
  { messageId: 'nope', helpful: 'yes' },
  { score: 11 },
  { email: 'not an email' },
  { status: 'offline' },
  { after: 'DROP TABLE' },
];

it('answers malformed visitor and agent payloads with an error ack and changes nothing', async () => {
  const visitor = await h.visitor();
  const agent = await h.agent('admin@cedar.example');
  await agent.ok('agent:status', { status: 'away' });
  const before = await h.snapshot();

  const visitorEvents = [
    'message:send',
    'messages:sync',
    'bot:feedback',
    'bot:pick',
    'conversation:leave-email',
    'conversation:rate',
    'transcript:request',
    'hello',
  ];
  const agentEvents = [
    'agent:status',
    'chat:open',
    'chat:sync',
    'chat:send',
    'chat:resolve',
    'chat:followup',
    'chat:transfer',
    'chat:pick',
  ];
  for (const payload of junk) {
    for (const event of visitorEvents) {
      const r = await visitor.request(event, payload);
      expect(r.ok, `${event} ${JSON.stringify(payload).slice(0, 60)}`).toBe(false);
      if (!r.ok)
        expect(r.error.code).toMatch(/^(invalid_payload|no_conversation|not_found|unavailable|invalid_state)$/);
    }
    for (const event of agentEvents) {
      const r = await agent.request(event, payload);
      expect(r.ok, `${event} ${JSON.stringify(payload).slice(0, 60)}`).toBe(false);
      if (!r.ok) expect(r.error.code).toMatch(/^(invalid_payload|not_found)$/);
    }
  }
  expect(await h.snapshot()).toEqual(before);
});

it('refuses bad REST bodies with a 4xx and a code', async () => {
  const bad = await fetch(`${h.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"email": 5}',
  });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_payload');
  const broken = await fetch(`${h.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{',
  });
  expect(broken.status).toBe(400);
  const wrong = await fetch(`${h.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'lina@cedar.example', password: 'wrong' }),
  });
  expect(wrong.status).toBe(401);
  const anonymous = await fetch(`${h.url}/api/tickets`);
  expect(anonymous.status).toBe(401);
  expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
});

it('refuses a visitor handshake with an unknown site key or a foreign origin', async () => {
  const attempt = (auth: object, headers: Record<string, string> = {}) => handshakeOutcome(h.url, auth, headers);
  expect(await attempt({ siteKey: 'pk_nosuchsite000' })).toBe('unknown_site');
  expect(await attempt({})).toBe('invalid_payload');
  expect(await attempt({ siteKey: h.demo.siteKey }, { origin: 'https://evil.example' })).toBe('origin_not_allowed');
  expect(await attempt({ siteKey: h.demo.siteKey })).toBe('connected');
});

it('answers a session cookie that does not decode with 401 on REST and a refusal on the agent socket', async () => {
  const cookie = 'cascade_session=%E0%A4%A';
  for (const path of ['/api/tickets', '/api/auth/me']) {
    const res = await fetch(`${h.url}${path}`, { headers: { cookie } });
    expect(res.status, path).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  }
  expect(await handshakeOutcome(h.url, {}, { cookie }, '/agent')).toBe('unauthorized');
});

it('refuses a page URL that does not parse, keeps none, and the chat still escalates and opens', async () => {
  const agent = await h.newAgent({ skills: [{ skill: 'general', level: 1 }] });
  const visitor = await h.visitor();
  for (const url of ['http://exa mple', 'http://exa mple/checkout', 'javascript:alert(1)', 'not a url']) {
    const r = await visitor.request('page:view', { url, title: 'Broken' });
    expect(r, url).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  }
  // `hello` still connects a widget on a page that is not a web page, but does not keep the page.
  await visitor.ok('hello', { after: null, page: { url: 'http://exa mple', title: 'Broken' } });
  await visitor.ok('page:view', { url: 'https://shop.example/checkout', title: 'Checkout' });

  await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'hello' });
  await visitor.ok('conversation:escalate', {});
  const assigned = await agent.next<ChatSummary>('chat:assigned');
  const supervisor = await h.agent('sara@cedar.example');
  const { chat } = await supervisor.ok<{ chat: ChatDetail }>('chat:open', { conversationId: assigned.conversation.id });
  expect(chat.pages.map((p) => p.url)).toEqual(['https://shop.example/', 'https://shop.example/checkout']);
});

import { randomUUID } from 'node:crypto';
import type { ConversationView, HelloReply } from '@cascade/shared';
import { SignJWT } from 'jose';
import { createClient } from 'redis';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_URL, startCascade, type Harness } from '../support/harness.ts';

let h: Harness;
beforeAll(async () => {
  // The cap on one visitor's connections is the default here; other tests open many on purpose.
  h = await startCascade({ VISITOR_SOCKETS_PER_TOKEN: '10' });
});
afterAll(async () => {
  await h.close();
});

const send = (text: string) => ({ clientMsgId: randomUUID(), text });

async function identity(sub: string, claims: { name?: string; email?: string } = {}) {
  const secret = (await h.cascade.sites.secrets(h.demo.siteId))!.identitySecret;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}

describe('visitor identity', () => {
  it('shows a newly signed-in person nothing of the previous person on the same browser', async () => {
    const alice = await h.visitor({ identity: await identity('alice') });
    await alice.ok('message:send', send('my card ends in 4242'));
    const bob = await h.visitor({ token: alice.token, identity: await identity('bob') });
    const hello = await bob.ok<HelloReply>('hello', { after: null, page: null });
    expect(hello.token).not.toBe(alice.token);
    expect(hello.conversation).toBeNull();
    expect(hello.messages).toEqual([]);
    expect((await bob.ok<{ messages: unknown[] }>('messages:sync', { after: null })).messages).toEqual([]);
    // Alice herself, back with her token, still has her chat.
    const again = await h.visitor({ token: alice.token, identity: await identity('alice') });
    const mine = await again.ok<HelloReply>('hello', { after: null, page: null });
    expect(mine.messages.map((m) => m.text)).toContain('my card ends in 4242');
    for (const v of [alice, bob, again]) v.close();
  });

  it('keeps a verified name and email when the visitor leaves another', async () => {
    const maya = await h.visitor({ identity: await identity('maya', { name: 'Maya', email: 'maya@example.com' }) });
    await maya.ok('message:send', send('hello'));
    await maya.ok('conversation:escalate', {});
    const left = await maya.ok<{ conversation: ConversationView }>('conversation:leave-email', {
      email: 'attacker@evil.example',
      name: 'Mallory',
    });
    const { visitorId } = await maya.ok<HelloReply>('hello', { after: null, page: null });
    const stored = await h.cascade.visitors.get(h.demo.siteId, visitorId);
    expect(stored).toMatchObject({ name: 'Maya', email: 'maya@example.com', verified: true });
    expect(left.conversation.transcriptTo).toEqual(['maya@example.com']);
    maya.close();
  });
});

describe('visitor tokens, sockets and typing', () => {
  it('keeps a token for a day until the visitor chats, and 180 days once they do', async () => {
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    const v = await h.visitor();
    const { visitorId } = await v.ok<HelloReply>('hello', { after: null, page: null });
    const tokenKey = `${h.prefix}:token:${v.token}`;
    const visitorKey = `${h.prefix}:{s:${h.demo.siteId}}:visitor:${visitorId}`;
    expect(await redis.ttl(tokenKey)).toBeLessThanOrEqual(24 * 3600);
    expect(await redis.ttl(visitorKey)).toBeGreaterThan(0);
    expect(await redis.ttl(`${visitorKey}:pages`)).toBeGreaterThan(0);
    await v.ok('message:send', send('now I chat'));
    expect(await redis.ttl(tokenKey)).toBeGreaterThan(170 * 24 * 3600);
    expect(await redis.ttl(visitorKey)).toBe(-1);
    expect(await redis.ttl(`${visitorKey}:pages`)).toBe(-1);
    await redis.close();
    v.close();
  });

  it('refuses the eleventh connection of one visitor with a clear error', async () => {
    const first = await h.visitor();
    const tabs = await Promise.all(Array.from({ length: 9 }, () => h.visitor({ token: first.token })));
    const refusal = await new Promise<{ message: string; data?: { message?: string } }>((resolve) => {
      const s = io(`${h.url}/visitor`, {
        transports: ['websocket'],
        auth: { siteKey: h.demo.siteKey, token: first.token },
        reconnection: false,
        forceNew: true,
      });
      s.on('connect', () => {
        s.close();
        resolve({ message: 'connected' });
      });
      s.on('connect_error', (e) => {
        s.close();
        resolve(e);
      });
    });
    expect(refusal.message).toBe('rate_limited');
    expect(refusal.data?.message).toMatch(/10 connections open/);
    for (const t of [first, ...tabs]) t.close();
  });

  it('passes on a burst of typing signals a few at a time, ending with the last state', async () => {
    const agent = await h.newAgent({
      skills: ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({ skill, level: 1 })),
      // Room for chats the earlier tests left waiting, which this agent may be handed first.
      maxChats: 20,
    });
    const visitor = await h.visitor();
    await visitor.ok('message:send', send('I need a person'));
    const escalated = await visitor.ok<{ conversation: { id: string } }>('conversation:escalate', {});
    const chat = await agent.next<{ conversation: { id: string } }>(
      'chat:assigned',
      (c) => c.conversation.id === escalated.conversation.id,
    );
    await Promise.all(Array.from({ length: 300 }, (_, i) => visitor.request('typing', { typing: i % 2 === 0 })));
    await visitor.request('typing', { typing: false });
    await agent.next<{ typing: boolean }>('typing', (p) => !p.typing);
    expect(agent.history.filter((e) => e.event === 'typing').length).toBeLessThan(10);

    const conversationId = chat.conversation.id;
    await Promise.all(
      Array.from({ length: 300 }, (_, i) => agent.request('chat:typing', { conversationId, typing: i % 2 === 0 })),
    );
    await agent.request('chat:typing', { conversationId, typing: false });
    await visitor.next<{ typing: boolean }>('typing', (p) => !p.typing);
    expect(visitor.history.filter((e) => e.event === 'typing').length).toBeLessThan(10);
    await agent.ok('agent:status', { status: 'away' });
    visitor.close();
  });
});

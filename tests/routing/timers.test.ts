import type { ChatSummary, ConversationView, Message } from '@cascade/shared';
import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leave } from '../support/clients.ts';
import { startCascade, type Harness } from '../support/harness.ts';
import { STEP_TIMEOUT_MS, waitUntil } from '../support/waits.ts';

// Each test gets its own server and keys: timers of one test must not touch the next.
let h: Harness;
beforeEach(async () => {
  h = await startCascade({ AGENT_GRACE_SECONDS: '1', VISITOR_GRACE_SECONDS: '1' });
});
afterEach(async () => {
  await h.close();
});

const isState = (state: ConversationView['state']) => (c: ConversationView) => c.state === state;
const general = [{ skill: 'general', level: 1 }];

describe('honest waiting: timers, hours and grace periods', () => {
  it('offers a ticket when the wait passes the maximum, and again after keeping waiting', async () => {
    await h.configureSite({ maxWaitSeconds: 1 });
    const busy = await h.newAgent({ skills: general, maxChats: 1 });
    const first = await h.visitor();
    await first.ok('conversation:escalate', {});
    await busy.next<ChatSummary>('chat:assigned');

    const waiting = await h.visitor();
    const queued = await waiting.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    expect(queued.conversation.state).toBe('queued');
    const offered = await waiting.next<ConversationView>('conversation:update', isState('offered_ticket'));
    expect(offered.queue?.position).toBe(1);
    const note = await waiting.next<Message>('message:new', (m) => m.event === 'offered_ticket');
    expect(note.data?.reason).toBe('max_wait');

    await waiting.ok('conversation:keep-waiting', {});
    await waiting.next<ConversationView>('conversation:update', isState('queued'));
    await waiting.next<ConversationView>('conversation:update', isState('offered_ticket'));
    const ticket = await waiting.ok<{ conversation: ConversationView }>('conversation:leave-email', {
      email: 'wait@example.com',
    });
    expect(ticket.conversation.state).toBe('ticketed');
    await h.configureSite({ maxWaitSeconds: 180 });
    await leave(busy);
    first.close();
    waiting.close();
  });

  it('says at once that the shop is closed outside business hours', async () => {
    const now = new Date();
    const closedToday = (now.getUTCDay() + 3) % 7;
    await h.configureSite({
      businessHours: { timeZone: 'UTC', weekly: [{ day: closedToday, open: '09:00', close: '17:00' }] },
    });
    const agent = await h.newAgent({ skills: general });
    const visitor = await h.visitor();
    const r = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    // An agent who is online anyway may still take it; otherwise the visitor is offered a ticket.
    if (r.conversation.state !== 'assigned') {
      expect(r.conversation.state).toBe('offered_ticket');
    }
    await leave(agent);
    const late = await h.visitor();
    const closed = await late.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    expect(closed.conversation.state).toBe('offered_ticket');
    const note = await late.next<Message>('message:new', (m) => m.event === 'offered_ticket');
    expect(note.data?.reason).toBe('outside_hours');
    await h.configureSite({ businessHours: null });
    visitor.close();
    late.close();
  });

  it('puts a vanished agent’s chats back at the front of the line after the grace period', async () => {
    const leaving = await h.newAgent({ skills: general, maxChats: 1 });
    const stayer = await h.newAgent({ skills: general, maxChats: 1 });
    const a = await h.visitor();
    const b = await h.visitor();
    await a.ok('conversation:escalate', {});
    await b.ok('conversation:escalate', {});
    const [la, sa] = await Promise.all([
      leaving.next<ChatSummary>('chat:assigned'),
      stayer.next<ChatSummary>('chat:assigned'),
    ]);
    const waitingLonger = await h.visitor();
    await waitingLonger.ok('conversation:escalate', {});

    leaving.close();
    const back =
      la.conversation.visitorId === (await a.ok<{ visitorId: string }>('hello', { after: null, page: null })).visitorId
        ? a
        : b;
    const told = await back.next<Message>('message:new', (m) => m.event === 'requeued');
    expect(told.author).toBe('system');
    await stayer.ok('chat:resolve', { conversationId: sa.conversation.id });
    const next = await stayer.next<ChatSummary>('chat:assigned');
    expect(next.conversation.id).toBe(la.conversation.id);
    await leave(stayer);
    for (const v of [a, b, waitingLonger]) v.close();
  });

  it('keeps a chat with its agent when the agent comes back within the grace period', async () => {
    const session = await h.newAgent({ skills: general });
    const visitor = await h.visitor();
    await visitor.ok('conversation:escalate', {});
    const chat = await session.next<ChatSummary>('chat:assigned');
    session.socket.disconnect();
    session.socket.connect();
    await session.next('agent:status');
    // Wait until the grace timer has run and found the agent back.
    const timers = h.cascade.queues.timers;
    const graceJobs = async () =>
      (await timers.getJobs(['delayed', 'waiting', 'active'])).filter((j) => j.name === 'agent-grace');
    expect(await waitUntil('the grace timer to run', graceJobs, (jobs) => jobs.length === 0)).toEqual([]);
    const inbox = await session.ok<{ mine: ChatSummary[] }>('inbox:get', {});
    expect(inbox.mine.map((c) => c.conversation.id)).toContain(chat.conversation.id);
    await session.ok('chat:resolve', { conversationId: chat.conversation.id });
    await leave(session);
    visitor.close();
  });

  it('turns a visitor who left the line into exactly one ticket when their email is known', async () => {
    const secrets = await h.cascade.sites.secrets(h.demo.siteId);
    const identity = await new SignJWT({ name: 'Maya', email: 'maya@example.com' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('customer-42')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(secrets?.identitySecret ?? ''));
    const known = await h.visitor({ identity });
    await known.ok('conversation:escalate', {});
    const kept = await known.ok<{ conversation: ConversationView }>('conversation:keep-waiting', {});
    const id = kept.conversation.id;
    known.close();

    const anonymous = await h.visitor();
    await anonymous.ok('conversation:escalate', {});
    const kept2 = await anonymous.ok<{ conversation: ConversationView }>('conversation:keep-waiting', {});
    anonymous.close();

    const core = h.cascade;
    const settled = async (cid: string) => {
      const c = await waitUntil(
        `conversation ${cid} to leave the line`,
        () => core.conversations.get(cid),
        (c) => !!c && c.state !== 'queued' && c.state !== 'offered_ticket',
        { timeoutMs: 2 * STEP_TIMEOUT_MS },
      );
      return c!;
    };
    const ticketed = await settled(id);
    expect(ticketed.state).toBe('ticketed');
    // The state is written before the ticket it leads to, so the ticket is awaited on its own.
    const ticket = await waitUntil(
      `the ticket of ${id}`,
      () => core.tickets.ofConversation(h.demo.siteId, id),
      (t) => t !== null,
    );
    expect(ticket?.reason).toBe('abandoned');
    expect(ticket?.visitor.email).toBe('maya@example.com');
    expect(
      (await core.tickets.list([h.demo.siteId], { limit: 100, offset: 0 })).tickets.filter(
        (t) => t.conversationId === id,
      ),
    ).toHaveLength(1);
    expect((await settled(kept2.conversation.id)).state).toBe('abandoned');
  });

  it('widens a chat nobody with its skill can take to agents of other skills', async () => {
    await h.configureSite({ widenAfterSeconds: 1 });
    const other = await h.newAgent({ skills: [{ skill: 'returns', level: 1 }] });
    const visitor = await h.visitor();
    const r = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    expect(r.conversation.state).toBe('offered_ticket');
    await visitor.ok('conversation:keep-waiting', {});
    const chat = await other.next<ChatSummary>('chat:assigned');
    expect(chat.conversation.widened).toBe(true);
    await h.configureSite({ widenAfterSeconds: null });
    await leave(other);
    visitor.close();
  });
});

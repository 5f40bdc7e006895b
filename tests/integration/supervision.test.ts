import { randomUUID } from 'node:crypto';
import type { AllChats, ChatSummary, ChatViewers, Conversation, Message, MetricsSummary } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/waits.ts';
import { WebhookReceiver } from '../delivery/receiver.ts';

let h: Harness;
let receiver: WebhookReceiver;
beforeAll(async () => {
  h = await startCascade();
  receiver = await WebhookReceiver.start();
});
afterAll(async () => {
  await receiver.close();
  await h.close();
});

const general = ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({ skill, level: 1 }));
const note = (conversationId: string, text: string) => ({ conversationId, clientMsgId: randomUUID(), text });
const breachIds = () => [
  ...new Set(receiver.hits.filter((x) => x.payload.type === 'sla.breached').map((x) => x.payload.id)),
];
const names = (v: ChatViewers) => v.viewers.map((a) => a.name).sort();

describe('supervision over real sockets', () => {
  it('lists every open chat live, monitors and whispers unseen, and takes a chat over within caps', async () => {
    const siteId = h.demo.siteId;
    const sara = await h.newAgent({ skills: [], role: 'supervisor', name: 'Sara Supervisor', maxChats: 2 });
    const amir = await h.newAgent({ skills: general, maxChats: 1, name: 'Amir' });

    const v1 = await h.visitor();
    await v1.ok('message:send', { clientMsgId: randomUUID(), text: 'My parcel never arrived' });
    await v1.ok('conversation:escalate', {});
    const first = await amir.next<ChatSummary>('chat:assigned');
    const c1 = first.conversation.id;

    const listed = await sara.ok<AllChats>('chats:all', { siteId });
    const row = listed.chats.find((r) => r.conversation.id === c1);
    expect(row).toMatchObject({ agent: { id: amir.agentId, name: 'Amir' }, conversation: { state: 'assigned' } });

    // A second visitor waits (Amir is full): the list says so by itself.
    const v2 = await h.visitor();
    const queued = await v2.ok<{ conversation: { id: string } }>('conversation:escalate', {});
    const live = await sara.next<AllChats>('chats:update', (l) =>
      l.chats.some((r) => r.conversation.id === queued.conversation.id && r.conversation.state === 'queued'),
    );
    expect(live.siteId).toBe(siteId);

    // Agents see who else has the chat open; the supervisor hears the chat live.
    const seen = await sara.ok<ChatViewers>('chat:watch', { conversationId: c1, watching: true });
    expect(names(seen)).toEqual(['Sara Supervisor']);
    expect(names(await amir.next<ChatViewers>('chat:viewers', (v) => v.conversationId === c1))).toEqual([
      'Sara Supervisor',
    ]);
    await v1.ok('message:send', { clientMsgId: randomUUID(), text: 'Are you there?' });
    await sara.next<Message>('message:new', (m) => m.text === 'Are you there?');

    // A whisper reaches the agent at once and never the visitor.
    await sara.ok('chat:send', { ...note(c1, 'Offer the express resend'), internal: true });
    const whisper = await amir.next<Message>('message:new', (m) => m.text === 'Offer the express resend');
    expect(whisper.internal).toBe(true);

    // Caps hold: Omid-like agent with one slot, already full, cannot be given the chat.
    const nika = await h.newAgent({ skills: general, maxChats: 1, name: 'Nika' });
    await nika.next<ChatSummary>('chat:assigned', (s) => s.conversation.id === queued.conversation.id);
    const refused = await sara.request('chat:takeover', { conversationId: c1, agentId: nika.agentId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_state' } });

    // Taking over: the slot and the chat move; the visitor reads only that Sara joined.
    const taken = await sara.ok<{ conversation: Conversation }>('chat:takeover', { conversationId: c1 });
    expect(taken.conversation.agentId).toBe(sara.agentId);
    await amir.next<{ conversationId: string }>('chat:removed', (p) => p.conversationId === c1);
    await sara.next<ChatSummary>('chat:assigned', (s) => s.conversation.id === c1);
    const joined = await v1.next<Message>('message:new', (m) => m.event === 'claimed' && m.text.includes('Sara'));
    expect(joined.text).toBe('Sara Supervisor joined the chat');
    const inbox = await amir.ok<{ mine: ChatSummary[] }>('inbox:get', {});
    expect(inbox.mine.map((s) => s.conversation.id)).not.toContain(c1);
    expect(await h.cascade.routing.assignee(siteId, c1)).toBe(sara.agentId);

    // The visitor's whole story: two people joined; the monitoring and the whisper are not in it.
    const { messages } = await v1.ok<{ messages: Message[] }>('messages:sync', { after: null });
    expect(messages.map((m) => m.text)).not.toContain('Offer the express resend');
    expect(messages.filter((m) => m.event === 'claimed').map((m) => m.text)).toEqual([
      'Amir joined the chat',
      'Sara Supervisor joined the chat',
    ]);

    // A closed tab is no longer looking.
    await nika.ok('chat:watch', { conversationId: c1, watching: true });
    await sara.next<ChatViewers>('chat:viewers', (v) => names(v).includes('Nika'));
    nika.close();
    await sara.next<ChatViewers>('chat:viewers', (v) => v.conversationId === c1 && !names(v).includes('Nika'));

    // Only supervisors see the whole site.
    expect(await amir.request('chats:all', { siteId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await amir.request('chat:takeover', { conversationId: c1 })).toMatchObject({ ok: false });
    for (const c of [sara, amir, v1, v2]) c.close();
  });

  it('sends sla.breached once per clock and counts it on the dashboard', async () => {
    const siteId = h.demo.siteId;
    await h.configureSite({
      sinks: { webhookUrl: receiver.url, supportEmail: null, emailVisitors: false },
      slaPolicies: [{ priority: 0, firstResponseSeconds: 1, nextReplySeconds: null, resolutionSeconds: null }],
    });
    const agent = await h.newAgent({ skills: general, maxChats: 3, name: 'Lale' });
    const visitor = await h.visitor();
    await visitor.ok('conversation:escalate', {});
    const chat = await agent.next<ChatSummary>('chat:assigned');
    const id = chat.conversation.id;
    const hit = await receiver.next(
      (x) => x.payload.type === 'sla.breached' && x.payload.data.conversation.id === id,
      30_000,
    );
    expect(hit.payload).toMatchObject({
      type: 'sla.breached',
      data: { kind: 'first_response', agent: { name: 'Lale' } },
    });

    // A second chat's breach comes from a later sweep, which found the first one again and sent nothing.
    const other = await h.visitor();
    await other.ok('conversation:escalate', {});
    const second = await agent.next<ChatSummary>('chat:assigned');
    await receiver.next(
      (x) => x.payload.type === 'sla.breached' && x.payload.data.conversation.id === second.conversation.id,
      30_000,
    );
    expect(receiver.of(hit.payload.id)).toHaveLength(1);

    const admin = await h.login('admin@cedar.example');
    const summary = await waitUntil(
      'both breaches on the dashboard',
      async () => {
        const res = await fetch(`${h.url}/api/metrics/summary?siteId=${siteId}`, {
          headers: { cookie: admin.cookie },
        });
        return (await res.json()) as MetricsSummary;
      },
      // The chats of the test before breach too: each counts once, as each is sent once.
      (s) => s.slaBreaches.first_response >= 2 && s.slaBreaches.first_response === breachIds().length,
    );
    expect(summary.slaBreaches).toMatchObject({ next_reply: 0, resolution: 0 });
    for (const id of breachIds()) expect(receiver.of(id)).toHaveLength(1);
    other.close();
    agent.close();
    visitor.close();
  });
});

import { randomUUID } from 'node:crypto';
import type { ChatDetail, ChatSummary, ConversationView, VisitorMessage } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { cascadeForFile } from '../support/stage.ts';
import { leave } from '../support/clients.ts';

let h: Harness;
cascadeForFile((started) => (h = started));

const isState = (state: ConversationView['state']) => (c: ConversationView) => c.state === state;

describe('skills, levels, priority and transfers', () => {
  it('moves a transferred chat up a level with its context, and never to a level-1-only agent', async () => {
    const l1 = await h.newAgent({
      name: 'First Line',
      skills: [
        { skill: 'general', level: 1 },
        { skill: 'billing', level: 1 },
      ],
    });
    const visitor = await h.visitor();
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'I was charged twice for one order' });
    await visitor.ok('conversation:escalate', {});
    const chat = await l1.next<ChatSummary>('chat:assigned');
    await l1.ok('chat:send', {
      conversationId: chat.conversation.id,
      clientMsgId: randomUUID(),
      text: 'Let me pass you to billing.',
    });

    const moved = await l1.ok<{ conversation: { state: string; level: number } }>('chat:transfer', {
      conversationId: chat.conversation.id,
      level: 2,
      note: 'Double charge, needs a refund over the level-1 limit',
    });
    expect(moved.conversation).toMatchObject({ state: 'queued', level: 2 });
    await l1.next('chat:removed');
    // The visitor hears of the transfer, but not the level, skill or note: those are internal.
    const told = await visitor.next<VisitorMessage>('message:new', (m) => m.event === 'transferred');
    expect(told.text).toBe('Passed to a colleague');
    expect(told.data).toEqual({});
    const view = await visitor.next<ConversationView>('conversation:update', isState('queued'));
    expect(view.queue?.position).toBe(1);
    const inbox = await l1.ok<{ mine: ChatSummary[] }>('inbox:get', {});
    expect(inbox.mine).toHaveLength(0);

    const l2 = await h.newAgent({
      name: 'Second Line',
      skills: [
        { skill: 'general', level: 2 },
        { skill: 'billing', level: 2 },
      ],
    });
    const taken = await l2.next<ChatSummary>('chat:assigned');
    expect(taken.conversation.id).toBe(chat.conversation.id);
    const { chat: detail } = await l2.ok<{ chat: ChatDetail }>('chat:open', { conversationId: chat.conversation.id });
    expect(detail.conversation.transferNote).toBe('Double charge, needs a refund over the level-1 limit');
    expect(detail.conversation.transfers).toBe(1);
    const texts = detail.messages.map((m) => m.text);
    expect(texts).toContain('I was charged twice for one order');
    expect(texts).toContain('Let me pass you to billing.');
    expect(detail.messages.some((m) => m.author === 'bot')).toBe(true);

    const again = await l2.request('chat:transfer', {
      conversationId: chat.conversation.id,
      level: 3,
      note: 'Still stuck',
    });
    expect(again.ok).toBe(false);
    const withReason = await l2.ok<{ conversation: { level: number } }>('chat:transfer', {
      conversationId: chat.conversation.id,
      level: 3,
      note: 'Still stuck',
      reason: 'Refund needs a manager',
    });
    expect(withReason.conversation.level).toBe(3);
    await leave(l1, l2);
    visitor.close();
  });

  it('lifts a chat from a checkout page ahead of one that waited longer', async () => {
    const first = await h.visitor();
    await first.ok('page:view', { url: 'https://shop.example/sofas', title: 'Sofas' });
    await first.ok('conversation:escalate', {});
    await first.ok('conversation:keep-waiting', {});
    const second = await h.visitor();
    await second.ok('page:view', { url: 'https://shop.example/checkout/payment', title: 'Payment' });
    await second.ok('conversation:escalate', {});
    await second.ok('conversation:keep-waiting', {});
    const behind = await first.next<ConversationView>(
      'conversation:update',
      (c) => c.state === 'queued' && c.queue?.position === 2,
    );
    expect(behind.queue?.etaSeconds).toBeGreaterThan(0);

    const agent = await h.newAgent({ skills: [{ skill: 'general', level: 1 }], maxChats: 1 });
    const chat = await agent.next<ChatSummary>('chat:assigned');
    const hello = await second.ok<{ conversation: ConversationView }>('hello', { after: null, page: null });
    expect(chat.conversation.id).toBe(hello.conversation.id);
    expect(chat.conversation.priority).toBe(5);
    const now = await first.next<ConversationView>(
      'conversation:update',
      (c) => c.state === 'queued' && c.queue?.position === 1,
    );
    expect(now.queue?.position).toBe(1);
    await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
    const next = await agent.next<ChatSummary>('chat:assigned');
    expect(next.conversation.priority).toBe(0);
    await leave(agent);
    first.close();
    second.close();
  });

  it('lets agents pick from the line when the site says so, one agent per chat', async () => {
    await h.configureSite({ assignment: 'pick' });
    const a = await h.newAgent({ skills: [{ skill: 'general', level: 1 }] });
    const b = await h.newAgent({ skills: [{ skill: 'general', level: 1 }] });
    const visitor = await h.visitor();
    const { conversation } = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    const id = conversation.id;
    await a.next<{ waiting: ChatSummary[] }>('queue:update', (q) => q.waiting.some((c) => c.conversation.id === id));
    const [ra, rb] = await Promise.all([
      a.request('chat:pick', { conversationId: id }),
      b.request('chat:pick', { conversationId: id }),
    ]);
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1);
    await visitor.next<ConversationView>('conversation:update', isState('assigned'));
    await h.configureSite({ assignment: 'auto' });
    await leave(a, b);
    visitor.close();
  });
});

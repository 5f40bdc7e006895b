import { randomUUID } from 'node:crypto';
import type { ChatDetail, ChatSummary, ConversationView, Message, TicketSummary } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

const L1 = 'lina@cedar.example';
const send = (text: string) => ({ clientMsgId: randomUUID(), text });
const isState = (state: ConversationView['state']) => (c: ConversationView) => c.state === state;

describe('the waterfall, end to end over real sockets', () => {
  it('answers from the knowledge base, then hands over to a person who resolves with a ticket', async () => {
    const agent = await h.agent(L1);
    const visitor = await h.visitor();

    await visitor.ok('message:send', send('How long does delivery take?'));
    const answer = await visitor.next<Message>('message:new', (m) => m.author === 'bot');
    expect(answer.bot?.kind).toBe('answer');
    expect(answer.text.length).toBeGreaterThan(10);

    const escalated = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    expect(['queued', 'assigned']).toContain(escalated.conversation.state);
    const assigned = await agent.next<ChatSummary>('chat:assigned');
    const joined = await visitor.next<ConversationView>('conversation:update', isState('assigned'));
    expect(joined.agent?.name).toBe('Lina Haddad');

    const { chat } = await agent.ok<{ chat: ChatDetail }>('chat:open', { conversationId: assigned.conversation.id });
    expect(chat.messages.map((m) => m.author)).toEqual(expect.arrayContaining(['visitor', 'bot']));
    expect(chat.messages.some((m) => m.text === 'How long does delivery take?')).toBe(true);

    await agent.ok('chat:send', {
      conversationId: chat.conversation.id,
      clientMsgId: randomUUID(),
      text: 'Hi, I am Lina. Let me check.',
    });
    const reply = await visitor.next<Message>('message:new', (m) => m.author === 'agent');
    expect(reply.text).toBe('Hi, I am Lina. Let me check.');
    expect(reply.authorName).toBe('Lina Haddad');

    const { ticket } = await agent.ok<{ ticket: TicketSummary }>('chat:followup', {
      conversationId: chat.conversation.id,
      note: 'Needs the warehouse to confirm',
    });
    expect(ticket.number).toBeGreaterThan(0);
    const ticketed = await visitor.next<ConversationView>('conversation:update', isState('ticketed'));
    expect(ticketed.ticketNumber).toBe(ticket.number);

    const res = await fetch(`${h.url}/api/tickets`, { headers: { cookie: agent.cookie } });
    const list = (await res.json()) as { tickets: TicketSummary[]; total: number };
    expect(list.tickets.map((t) => t.number)).toContain(ticket.number);
    const detail = await fetch(`${h.url}/api/tickets/${ticket.id}`, { headers: { cookie: agent.cookie } });
    const full = (await detail.json()) as { ticket: { transcript: Message[]; note: string } };
    const texts = full.ticket.transcript.map((m) => m.text);
    expect(texts).toContain('How long does delivery take?');
    expect(texts).toContain(answer.text);
    expect(texts).toContain('Hi, I am Lina. Let me check.');
    expect(full.ticket.note).toBe('Needs the warehouse to confirm');
    agent.close();
    visitor.close();
  });

  it('starts a new conversation after a resolved one, whichever of the visitor’s tabs writes first', async () => {
    const agent = await h.agent(L1);
    const tab1 = await h.visitor();
    const tab2 = await h.visitor({ token: tab1.token });
    await tab1.ok('conversation:escalate', {});
    const chat = await agent.next<ChatSummary>('chat:assigned');
    const first = await tab1.ok<{ conversation: ConversationView }>('message:send', send('Thanks, that was all'));
    expect(first.conversation.id).toBe(chat.conversation.id);
    await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
    await tab1.next<ConversationView>('conversation:update', isState('resolved'));

    // The other tab writes first: a new conversation, with the bot.
    const second = await tab2.ok<{ conversation: ConversationView }>(
      'message:send',
      send('How long does delivery take?'),
    );
    expect(second.conversation.id).not.toBe(chat.conversation.id);
    expect(second.conversation.state).toBe('bot');
    // The first tab last saw the resolved conversation; its next message joins the new one.
    const third = await tab1.ok<{ conversation: ConversationView; message: Message }>(
      'message:send',
      send('And another'),
    );
    expect(third.conversation.id).toBe(second.conversation.id);
    expect(third.message.conversationId).toBe(second.conversation.id);
    agent.close();
    tab1.close();
    tab2.close();
  });

  it('puts the first messages of two tabs written at the same moment into one conversation', async () => {
    const questions = ['How long does delivery take?', 'Can I return a sofa?', 'Where is my order?'];
    for (let round = 0; round < 5; round++) {
      const first = await h.visitor();
      const tabs = [first, await h.visitor({ token: first.token }), await h.visitor({ token: first.token })];
      const sent = await Promise.all(
        // Questions the bot answers, so that the conversation stays with the bot and no agent is involved.
        tabs.map((tab, i) => tab.ok<{ conversation: ConversationView }>('message:send', send(questions[i]!))),
      );
      expect(new Set(sent.map((x) => x.conversation.id)).size).toBe(1);
      const hello = await first.ok<{ conversation: ConversationView; messages: Message[] }>('hello', {
        after: null,
        page: null,
      });
      expect(hello.conversation.id).toBe(sent[0]!.conversation.id);
      expect(
        hello.messages
          .filter((m) => m.author === 'visitor')
          .map((m) => m.text)
          .sort(),
      ).toEqual([...questions].sort());
      for (const tab of tabs) tab.close();
    }
  });

  it('resolves a chat in the conversation and frees the agent for the next one', async () => {
    const agent = await h.agent(L1);
    const visitor = await h.visitor();
    await visitor.ok('conversation:escalate', {});
    const chat = await agent.next<ChatSummary>('chat:assigned');
    await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
    const resolved = await visitor.next<ConversationView>('conversation:update', isState('resolved'));
    expect(resolved.canRate).toBe(true);
    const rated = await visitor.ok<{ conversation: ConversationView }>('conversation:rate', {
      score: 5,
      comment: 'Quick!',
    });
    expect(rated.conversation.canRate).toBe(false);
    const inbox = await agent.ok<{ mine: ChatSummary[] }>('inbox:get', {});
    expect(inbox.mine.map((c) => c.conversation.id)).not.toContain(chat.conversation.id);
    agent.close();
    visitor.close();
  });

  it('gives a reconnecting visitor exactly the messages it missed', async () => {
    const agent = await h.agent(L1);
    const visitor = await h.visitor();
    await visitor.ok('message:send', send('hello, anyone there?'));
    await visitor.ok('conversation:escalate', {});
    const chat = await agent.next<ChatSummary>('chat:assigned');
    const { chat: detail } = await agent.ok<{ chat: ChatDetail }>('chat:open', {
      conversationId: chat.conversation.id,
    });
    const lastSeen = detail.messages.at(-1)?.id ?? null;
    visitor.close();

    for (const text of ['one', 'two', 'three']) {
      await agent.ok('chat:send', { conversationId: chat.conversation.id, clientMsgId: randomUUID(), text });
    }
    await agent.ok('chat:send', {
      conversationId: chat.conversation.id,
      clientMsgId: randomUUID(),
      text: 'secret',
      internal: true,
    });

    const back = await h.visitor({ token: visitor.token });
    const hello = await back.ok<{ messages: Message[] }>('hello', { after: lastSeen, page: null });
    expect(hello.messages.map((m) => m.text)).toEqual(['one', 'two', 'three']);
    const again = await back.ok<{ messages: Message[] }>('messages:sync', { after: hello.messages.at(-1)?.id ?? null });
    expect(again.messages).toEqual([]);
    agent.close();
    back.close();
  });

  it('stores a re-sent message once and answers with the same stored message', async () => {
    const visitor = await h.visitor();
    const m = send('is my order shipped yet');
    const first = await visitor.ok<{ message: Message }>('message:send', m);
    const second = await visitor.ok<{ message: Message }>('message:send', m);
    expect(second.message.id).toBe(first.message.id);
    const hello = await visitor.ok<{ messages: Message[] }>('hello', { after: null, page: null });
    expect(hello.messages.filter((x) => x.clientMsgId === m.clientMsgId)).toHaveLength(1);
    visitor.close();
  });

  it('stores a message once even when its re-send comes after the chat was resolved, on a new socket', async () => {
    const agent = await h.agent(L1);
    const visitor = await h.visitor();
    await visitor.ok('conversation:escalate', {});
    const chat = await agent.next<ChatSummary>('chat:assigned');
    const m = send('Here is my order number: 4411');
    const first = await visitor.ok<{ message: Message }>('message:send', m);
    await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
    // The ack was lost: the widget reconnects and sends the same message again.
    visitor.close();
    const again = await h.visitor({ token: visitor.token });
    const second = await again.ok<{ message: Message; conversation: ConversationView }>('message:send', m);
    expect(second.message.id).toBe(first.message.id);
    expect(second.conversation.id).toBe(chat.conversation.id);
    const hello = await again.ok<{ messages: Message[]; conversation: ConversationView }>('hello', {
      after: null,
      page: null,
    });
    expect(hello.conversation.id).toBe(chat.conversation.id);
    expect(hello.messages.filter((x) => x.clientMsgId === m.clientMsgId)).toHaveLength(1);
    agent.close();
    again.close();
  });

  it('keeps an agent’s open chats across a reload of the console', async () => {
    const agent = await h.agent(L1);
    const visitor = await h.visitor();
    await visitor.ok('conversation:escalate', {});
    const chat = await agent.next<ChatSummary>('chat:assigned');
    agent.close();
    const reloaded = await h.agent(L1);
    const inbox = await reloaded.ok<{ mine: ChatSummary[] }>('inbox:get', {});
    expect(inbox.mine.map((c) => c.conversation.id)).toContain(chat.conversation.id);
    await reloaded.ok('chat:resolve', { conversationId: chat.conversation.id });
    reloaded.close();
    visitor.close();
  });
});

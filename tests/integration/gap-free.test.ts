import { randomUUID } from 'node:crypto';
import { createStore } from '@cascade/client-core';
import type { ChatSummary, ConversationView, Me, Message } from '@cascade/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleReducer, initialState } from '../../agent-console/src/state/console-state.ts';
import { createConsoleController } from '../../agent-console/src/state/controller.ts';
import type { AgentSocket } from '../../agent-console/src/socket/agent-socket.ts';
import { initialState as widgetInitial, reduce as widgetReduce } from '../../widget/src/state.ts';
import { startCascade, type Harness } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';
import { waitUntil, withTimeout } from '../support/waits.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

const L1 = 'lina@cedar.example';
const send = (text: string, clientMsgId: string = randomUUID()) => ({ clientMsgId, text });
const memory = () => {
  const m = new Map<string, string>();
  return {
    get: (k: string) => m.get(k) ?? null,
    set: (k: string, v: string | null) => {
      if (v === null) m.delete(k);
      else m.set(k, v);
    },
  };
};

/** The agent console's real controller and store, on a real socket, in this process. */
async function openConsole(email: string) {
  const auth = await h.login(email);
  const me = (await restClient(h.url, auth).get<Me>('/api/auth/me')).body;
  const socket: AgentSocket = io(`${h.url}/agent`, {
    transports: ['websocket'],
    extraHeaders: { cookie: auth.cookie },
    autoConnect: false,
    forceNew: true,
    reconnectionDelay: 50,
  });
  const store = createStore(consoleReducer, initialState('online'));
  const controller = createConsoleController(socket, store, {
    me,
    isFocused: () => true,
    alert: () => undefined,
    session: memory(),
    preferences: memory(),
    checkSession: () => Promise.resolve(true),
    onSignedOut: () => undefined,
  });
  controller.start();
  return { socket, store, controller };
}

describe('gap-free delivery', () => {
  it('a console that reconnects shows the messages sent between the drop and the first push on the new socket', async () => {
    const agentConsole = await openConsole(L1);
    const visitor = await h.visitor();
    await visitor.ok('message:send', send('My parcel is late'));
    await visitor.ok('conversation:escalate', {});
    const texts = (id: string) => agentConsole.store.getState().chats[id]?.messages.map((m) => m.text) ?? [];
    const assigned = (await waitUntil(
      'the chat to open in the console',
      () => agentConsole.store.getState().order.find((id) => agentConsole.store.getState().chats[id]?.context),
      (id) => id !== undefined,
    ))!;
    await expect.poll(() => texts(assigned)).toContain('My parcel is late');

    // The console drops; the visitor writes while it is away (those pushes reach nobody).
    agentConsole.socket.disconnect();
    for (const text of ['gap 1', 'gap 2', 'gap 3']) await visitor.ok('message:send', send(text));

    // On the new socket a push arrives before the console's inbox is answered: hold the inbox until then.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const timeout = agentConsole.socket.timeout.bind(agentConsole.socket);
    // The console's requests go through `socket.timeout(ms).emit(...)`; only that emit is wrapped.
    agentConsole.socket.timeout = ((ms: number) => {
      const timed = timeout(ms);
      const emit = (...args: unknown[]) => (timed.emit as (...a: unknown[]) => void)(...args);
      return {
        emit: (event: string, ...rest: unknown[]) => {
          if (event === 'inbox:get') void held.then(() => emit(event, ...rest));
          else emit(event, ...rest);
        },
      };
    }) as unknown as typeof agentConsole.socket.timeout;
    agentConsole.socket.connect();
    await withTimeout(
      'the new socket to join its rooms',
      new Promise<void>((r) => agentConsole.socket.once('agent:status', () => r())),
    );
    await visitor.ok('message:send', send('after the drop'));
    await expect.poll(() => texts(assigned)).toContain('after the drop');
    release();

    await expect
      .poll(() => texts(assigned))
      .toEqual(expect.arrayContaining(['gap 1', 'gap 2', 'gap 3', 'after the drop']));
    const order = texts(assigned).filter((t) => t.startsWith('gap') || t === 'after the drop');
    expect(order).toEqual(['gap 1', 'gap 2', 'gap 3', 'after the drop']);
    agentConsole.controller.stop();
  });

  it('pushes a re-sent message that was already stored to the other side again, naming the message before it', async () => {
    const agent = await h.agent(L1);
    const visitor = await h.visitor();
    await visitor.ok('conversation:escalate', {});
    const chat = await agent.next<ChatSummary>('chat:assigned');
    const conversationId = chat.conversation.id;
    await visitor.next<ConversationView>('conversation:update', (c) => c.state === 'assigned');

    const again = send('Did you get this?');
    const first = await visitor.ok<{ message: Message }>('message:send', again);
    const pushed = await agent.next<Message>('message:new', (m) => m.id === first.message.id);
    // The first ack was lost, say: the widget sends the same message again.
    const second = await visitor.ok<{ message: Message }>('message:send', again);
    expect(second.message.id).toBe(first.message.id);
    const repushed = await agent.next<Message>('message:new', (m) => m.id === first.message.id);
    expect(repushed.text).toBe('Did you get this?');

    // Every push names the message before it in the stream the receiver reads.
    const { messages } = await agent.ok<{ messages: Message[] }>('chat:sync', { conversationId, after: null });
    const index = messages.findIndex((m) => m.id === first.message.id);
    expect(pushed.prev).toBe(messages[index - 1]?.id ?? null);
    expect(repushed.prev).toBe(pushed.prev);
    agent.close();
    visitor.close();
  });

  it('names in every push the message before it that its receiver sees, across bot, system, note and reply', async () => {
    const agent = await h.agent(L1);
    const visitor = await h.visitor();
    await visitor.ok('message:send', send('How long does delivery take?'));
    await visitor.next<Message>('message:new', (m) => m.author === 'bot');
    await visitor.ok('conversation:escalate', {});
    const chat = await agent.next<ChatSummary>('chat:assigned');
    const conversationId = chat.conversation.id;
    await visitor.next<ConversationView>('conversation:update', (c) => c.state === 'assigned');
    const note = await agent.ok<{ message: Message }>('chat:send', {
      conversationId,
      clientMsgId: randomUUID(),
      text: 'Checking the warehouse',
      internal: true,
    });
    const reply = await agent.ok<{ message: Message }>('chat:send', {
      conversationId,
      clientMsgId: randomUUID(),
      text: 'Two days',
    });
    const asked = await visitor.ok<{ message: Message }>('message:send', send('Thanks, and returns?'));
    const lastToVisitor = await visitor.next<Message>('message:new', (m) => m.id === reply.message.id);
    const lastToAgent = await agent.next<Message>('message:new', (m) => m.id === asked.message.id);

    const { messages } = await agent.ok<{ messages: Message[] }>('chat:sync', { conversationId, after: null });
    const ids = messages.map((m) => m.id);
    const seenByVisitor = messages.filter((m) => !m.internal).map((m) => m.id);
    const agentPushes = [...agent.seen<Message>('message:new'), lastToAgent].filter(
      (m) => m.conversationId === conversationId,
    );
    const visitorPushes = [...visitor.seen<Message>('message:new'), lastToVisitor].filter((m) => ids.includes(m.id));
    expect(agentPushes.map((m) => m.id)).toEqual(expect.arrayContaining([note.message.id, asked.message.id]));
    for (const m of agentPushes) expect(m.prev).toBe(ids[ids.indexOf(m.id) - 1] ?? null);
    expect(visitorPushes.map((m) => m.id)).toContain(reply.message.id);
    expect(visitorPushes.map((m) => m.id)).not.toContain(note.message.id);
    // The visitor's copy of the reply skips the note, which they never see.
    for (const m of visitorPushes) expect(m.prev).toBe(seenByVisitor[seenByVisitor.indexOf(m.id) - 1] ?? null);
    await agent.ok('chat:resolve', { conversationId });
    agent.close();
    visitor.close();
  });

  it('views carry the conversation version, and a queued view that arrives after "assigned" is ignored', async () => {
    const visitor = await h.visitor();
    await visitor.ok('message:send', send('A person please'));
    const queued = (await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {})).conversation;
    await h.agent(L1);
    const assigned = await visitor.next<ConversationView>('conversation:update', (c) => c.state === 'assigned');
    expect(queued.version).toBeTypeOf('number');
    expect(assigned.version).toBeGreaterThan(queued.version ?? Infinity);

    // The widget's state: the queue announcement read before the claim arrives last.
    let state = widgetReduce(widgetInitial, { type: 'conversation', conversation: assigned });
    state = widgetReduce(state, { type: 'conversation', conversation: { ...queued, state: 'queued' } });
    expect(state.conversation?.state).toBe('assigned');
    expect(state.conversation?.agent?.name).toBe('Lina Haddad');
  });
});

import type { Me, Message } from '@cascade/shared';
import { io } from 'socket.io-client';
import { consoleReducer, initialState as consoleInitial } from '../../agent-console/src/state/console-state.ts';
import {
  createConsoleController,
  type ConsoleController,
  type ConsoleStore,
} from '../../agent-console/src/state/controller.ts';
import { createStore } from '@cascade/client-core';
import type { AgentSocket } from '../../agent-console/src/socket/agent-socket.ts';
import { createConnection, type Connection } from '../../widget/src/panel/connection.ts';
import { createStore as createWidgetStore, type Store as WidgetStore } from '../../widget/src/panel/store.ts';
import { initialState as widgetInitial } from '../../widget/src/state.ts';
import type { StoredKey } from '../../widget/src/storage.ts';
import { restClient } from '../support/rest.ts';
import { isAgentName, isVisitorName, textOf, type Ledger } from './ledger.ts';
import type { Watched } from './recovery.ts';

// The widget's connection reads the page it runs on; here it runs in Node, on a page of its own.
const page = globalThis as unknown as { location?: { href: string }; document?: { title: string } };
page.location ??= { href: 'https://shop.example/checkout' };
page.document ??= { title: 'Checkout' };

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

/** A message held by a client, as it shows it. */
export type Shown = Pick<Message, 'id' | 'clientMsgId' | 'author' | 'text'>;

export type Visitor = {
  name: string;
  store: WidgetStore;
  connection: Connection;
  conversationId(): string | null;
  /** Writes a message as the visitor types it: it goes through the widget's outbox. */
  write(): void;
  /** Messages not acknowledged yet and not refused for good. */
  pending(): number;
  shown(): readonly Shown[];
  online(): boolean;
  watched: Watched;
  close(): void;
};

/**
 * One visitor: the widget's own connection and store (`widget/src/panel/connection.ts`), so it
 * reconnects, says hello, resyncs and re-sends exactly as the widget does in a page.
 */
export function openVisitor(baseUrl: string, siteKey: string, name: string, ledger: Ledger): Visitor {
  const store = createWidgetStore(widgetInitial);
  const local = memory() as { get(k: StoredKey): string | null; set(k: StoredKey, v: string | null): void };
  const connection = createConnection({
    base: new URL(`${baseUrl}/`),
    siteKey,
    store,
    local,
    locale: () => 'en',
    onMessage: () => undefined,
  });
  let n = 0;
  const online = () => store.getState().link === 'online';
  const conversationId = () => store.getState().conversation?.id ?? null;
  // A message of this visitor's held with a stream id is one the server acknowledged (or pushed back).
  store.subscribe(() => {
    const id = conversationId();
    if (id) ledger.hold(id, name, store.getState().messages);
  });
  return {
    name,
    store,
    connection,
    conversationId,
    write() {
      connection.send(textOf(name, ++n));
    },
    pending: () => store.getState().outbox.filter((i) => i.failed === null).length,
    shown: () => store.getState().messages,
    online,
    watched: {
      subscribe: store.subscribe,
      online,
      due: () => {
        const id = conversationId();
        return new Map(id ? [[id, ledger.dueTo(id, isAgentName).map((a) => a.id)]] : []);
      },
      holds: (id) => (id === conversationId() ? new Set(store.getState().messages.map((m) => m.id)) : null),
    },
    close: () => connection.stop(),
  };
}

export type Agent = {
  name: string;
  id: string;
  store: ConsoleStore;
  controller: ConsoleController;
  /** The chats the console shows as this agent's own and open. */
  chats(): string[];
  /** Writes one message in each of the agent's open chats, through the console's outbox. */
  write(): void;
  pending(): number;
  shown(conversationId: string): readonly Shown[] | null;
  online(): boolean;
  watched: Watched;
  close(): void;
};

/** One agent: the agent console's own controller and store on a socket to the balancer. */
export async function openAgent(baseUrl: string, cookie: string, name: string, ledger: Ledger): Promise<Agent> {
  const me = (await restClient(baseUrl, { cookie, csrf: '' }).get<Me>('/api/auth/me')).body;
  const socket: AgentSocket = io(`${baseUrl}/agent`, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    autoConnect: false,
    forceNew: true,
  });
  const store: ConsoleStore = createStore(consoleReducer, consoleInitial('online'));
  const controller = createConsoleController(socket, store, {
    me,
    isFocused: () => true,
    alert: () => undefined,
    session: memory(),
    preferences: memory(),
    checkSession: () => Promise.resolve(true),
    onSignedOut: () => undefined,
  });
  const myId = me.agent.id;
  let n = 0;
  let seenChats = store.getState().chats;
  store.subscribe(() => {
    const chats = store.getState().chats;
    if (chats === seenChats) return;
    for (const [id, chat] of Object.entries(chats)) if (seenChats[id] !== chat) ledger.hold(id, name, chat.messages);
    seenChats = chats;
  });
  const chats = () => {
    const state = store.getState();
    return state.order.filter((id) => {
      const chat = state.chats[id];
      return (
        chat?.context && chat.summary.conversation.state === 'assigned' && chat.summary.conversation.agentId === myId
      );
    });
  };
  const online = () => store.getState().connection === 'online';
  controller.start();
  return {
    name,
    id: myId,
    store,
    controller,
    chats,
    write() {
      for (const id of chats()) controller.send(id, textOf(name, ++n), false);
    },
    pending: () =>
      Object.values(store.getState().chats).reduce(
        (sum, c) => sum + c.outbox.filter((i) => i.error === null).length,
        0,
      ),
    shown: (id) => store.getState().chats[id]?.messages ?? null,
    online,
    watched: {
      subscribe: store.subscribe,
      online,
      due: () => new Map(chats().map((id) => [id, ledger.dueTo(id, isVisitorName).map((a) => a.id)])),
      holds: (id) => {
        const chat = store.getState().chats[id];
        return chat ? new Set(chat.messages.map((m) => m.id)) : null;
      },
    },
    close: () => controller.stop(),
  };
}

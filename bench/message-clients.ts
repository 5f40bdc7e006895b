import type { ChatSummary, Message } from '@cascade/shared';
import { io, type Socket } from 'socket.io-client';
import type { ClientMessage, MessageClientsSetup } from './ipc.ts';
import { steadyLoad, type Pair } from './steady-load.ts';

/**
 * The clients of bench/messages.ts, in a process of their own: agents on one server process,
 * visitors on the other, each side sending at a steady rate once every chat is assigned.
 * Both ends of a conversation live here, so one clock times the trip.
 */
const setup = JSON.parse(process.argv[2] ?? '{}') as MessageClientsSetup;
const tell = (m: ClientMessage) => new Promise<void>((resolve) => process.send?.(m, () => resolve()));

const connect = (url: string, opts: object) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...opts });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

const load = steadyLoad(setup);

const started = performance.now();
const agentOf = new Map<string, Socket>();
let allAssigned: () => void = () => {};
const assigned = new Promise<void>((r) => (allAssigned = r));
for (const cookie of setup.cookies) {
  const socket = io(`${setup.agentUrl}/agent`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie },
  });
  // Listening before the handshake: the status can arrive in the same read as the connect.
  const status = new Promise((r) => socket.once('agent:status', r));
  socket.on('chat:assigned', (c: ChatSummary) => {
    agentOf.set(c.conversation.id, socket);
    if (agentOf.size === setup.conversations) allAssigned();
  });
  socket.on('message:new', (m: Message) => {
    if (m.author === 'visitor') load.received(m.text, 'visitorToAgent');
  });
  await status;
}

process.stderr.write(`${setup.cookies.length} agents connected\n`);

const visitors: { socket: Socket; conversationId: string }[] = [];
async function visitor(): Promise<void> {
  const socket = await connect(`${setup.visitorUrl}/visitor`, { auth: { siteKey: setup.siteKey } });
  await socket.emitWithAck('hello', { after: null, page: null });
  const r = (await socket.emitWithAck('conversation:escalate', {})) as { ok: boolean; conversation: { id: string } };
  if (!r.ok) throw new Error('escalate failed');
  socket.on('message:new', (m: Message) => {
    if (m.author === 'agent') load.received(m.text, 'agentToVisitor');
  });
  visitors.push({ socket, conversationId: r.conversation.id });
}
for (let i = 0; i < setup.conversations; i += 50) {
  await Promise.all(Array.from({ length: Math.min(50, setup.conversations - i) }, visitor));
}
process.stderr.write(`${visitors.length} visitors connected, ${agentOf.size} chats assigned\n`);
await assigned;
await tell({ type: 'connected', conversations: visitors.length, setupMs: performance.now() - started });

const pairs: Pair[] = visitors.map(({ socket, conversationId }) => {
  const agent = agentOf.get(conversationId);
  if (!agent) throw new Error('a chat was not assigned');
  return {
    visitor: (text) => socket.emit('message:send', { clientMsgId: crypto.randomUUID(), text }, () => {}),
    agent: (text) => agent.emit('chat:send', { conversationId, clientMsgId: crypto.randomUUID(), text }, () => {}),
  };
});
await tell(await load.run(pairs));
for (const s of [...agentOf.values(), ...visitors.map((v) => v.socket)]) s.close();
process.exit(0);

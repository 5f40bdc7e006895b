import { io, type Socket } from 'socket.io-client';
import type { BareClientsSetup, ClientMessage } from './ipc.ts';
import { steadyLoad, type Pair } from './steady-load.ts';

/**
 * The floor of bench/messages.ts under the same load: bare Socket.IO (no Cascade code), one
 * room per conversation with one socket on each server process, both ends sending at the
 * rate the Cascade clients send. Each payload names its sender, so each end times only the
 * other's messages, as Cascade's clients do.
 */
const setup = JSON.parse(process.argv[2] ?? '{}') as BareClientsSetup;
const tell = (m: ClientMessage) => new Promise<void>((resolve) => process.send?.(m, () => resolve()));
const load = steadyLoad(setup);

const connect = (url: string, room: string) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { room } });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

/** Both ends of one room, once a message from one end has reached the other (the room is subscribed). */
async function pair(i: number): Promise<Pair> {
  const room = `conversation-${i}`;
  const [visitor, agent] = await Promise.all([connect(setup.visitorUrl, room), connect(setup.agentUrl, room)]);
  await new Promise<void>((resolve) => {
    const probe = setInterval(() => visitor.emit('send', { room, payload: 'probe' }), 50);
    agent.once('recv', () => {
      clearInterval(probe);
      resolve();
    });
  });
  visitor.on('recv', (text: string) => {
    if (text.endsWith(' agent')) load.received(text, 'agentToVisitor');
  });
  agent.on('recv', (text: string) => {
    if (text.endsWith(' visitor')) load.received(text, 'visitorToAgent');
  });
  return {
    visitor: (text) => visitor.emit('send', { room, payload: `${text} visitor` }),
    agent: (text) => agent.emit('send', { room, payload: `${text} agent` }),
  };
}

const started = performance.now();
const pairs: Pair[] = [];
for (let i = 0; i < setup.conversations; i += 50) {
  pairs.push(
    ...(await Promise.all(Array.from({ length: Math.min(50, setup.conversations - i) }, (_, j) => pair(i + j)))),
  );
}
await tell({ type: 'connected', conversations: pairs.length, setupMs: performance.now() - started });
await tell(await load.run(pairs));
process.exit(0);

import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildServer, loadConfig } from '@cascade/server';
import type { ChatSummary } from '@cascade/shared';
import { io, type Socket } from 'socket.io-client';
import { createClient } from 'redis';
import { benchAgent } from './agents.ts';
import {
  REDIS_URL,
  benchDatabase,
  benchLimits,
  dropBenchSchema,
  percentile,
  redisPingMs,
  report,
  round,
} from './support.ts';

/**
 * Routing speed: chats escalated at a steady rate from many visitor sockets, handed out by
 * the claim script to 50 agents who resolve each chat as soon as it arrives. Measured from
 * the visitor's escalate request to the agent's `chat:assigned`, over real sockets, with
 * the server and all clients in this one process.
 */
const MEASURED = Number(process.env.BENCH_CHATS ?? 2000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const AGENTS = 50;
const VISITORS = 200;
/** The first chats warm up the JIT and the connections; they are not measured. */
const WARMUP = 200;
const CHATS = WARMUP + MEASURED;

const prefix = `bench${randomBytes(4).toString('hex')}`;
const { app, cascade: core } = await buildServer(
  loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    KEY_PREFIX: prefix,
    LOG_LEVEL: 'error',
    REDIS_URL,
    ...benchDatabase(prefix),
    ...benchLimits,
  }),
);
await app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const demo = core.demo;
if (!demo) throw new Error('the benchmark uses the demo site');

const connect = (path: string, opts: object) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(`${url}${path}`, { transports: ['websocket'], forceNew: true, ...opts });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

const sent = new Map<string, number>();
const latencies: number[] = [];
let done = 0;
let finish: () => void = () => {};
const finished = new Promise<void>((r) => (finish = r));

const agents: Socket[] = [];
for (let i = 0; i < AGENTS; i++) {
  const cookie = await benchAgent(core, demo.siteId, `benchagent${i}`, `Agent ${i}`, 5);
  const socket = await connect('/agent', { extraHeaders: { cookie } });
  socket.on('chat:assigned', (c: ChatSummary) => {
    const t = sent.get(c.conversation.visitorId);
    if (t !== undefined && done >= WARMUP) latencies.push(performance.now() - t);
    socket.emit('chat:resolve', { conversationId: c.conversation.id }, () => {
      done++;
      idle.push(c.conversation.visitorId);
      if (done === CHATS) finish();
    });
  });
  await new Promise<void>((r) => socket.once('agent:status', () => r()));
  agents.push(socket);
}

const visitors = new Map<string, Socket>();
for (let i = 0; i < VISITORS; i++) {
  const s = await connect('/visitor', { auth: { siteKey: demo.siteKey } });
  const hello = (await s.emitWithAck('hello', { after: null, page: null })) as { visitorId: string };
  visitors.set(hello.visitorId, s);
}
const idle: string[] = [...visitors.keys()];

const t0 = performance.now();
for (let started = 0; started < CHATS; started++) {
  const due = t0 + (started * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const v = idle.shift();
  if (!v) throw new Error('every visitor is busy: the agents are not keeping up');
  sent.set(v, performance.now());
  visitors.get(v)?.emit('conversation:escalate', {}, () => {});
}
await finished;
const seconds = (performance.now() - t0) / 1000;
const ping = await redisPingMs();

for (const s of [...agents, ...visitors.values()]) s.close();
await app.close();
const redis = createClient({ url: REDIS_URL });
await redis.connect();
for await (const batch of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 1000 }))
  if (batch.length) await redis.unlink(batch);
for await (const batch of redis.scanIterator({ MATCH: `{${prefix}:jobs}*`, COUNT: 1000 }))
  if (batch.length) await redis.unlink(batch);
await redis.close();
await dropBenchSchema(prefix);

report('routing', {
  chats: latencies.length,
  agents: AGENTS,
  chatsPerSecond: round(CHATS / seconds),
  targetRate: RATE,
  enqueueToAssignP50Ms: round(percentile(latencies, 50)),
  enqueueToAssignP99Ms: round(percentile(latencies, 99)),
  redisPingP50Ms: ping.p50,
  ratioP50ToPing: round(percentile(latencies, 50) / ping.p50),
});
process.exit(0);

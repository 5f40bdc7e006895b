import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createShardedAdapter } from '@socket.io/redis-adapter';
import { buildServer, loadConfig } from '@cascade/server';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { WebSocketServer } from 'ws';
import { benchAgent } from './agents.ts';
import { REDIS_URL, benchDatabase, benchLimits } from './support.ts';
import type { ParentMessage, ServerMessage } from './ipc.ts';

const LANGUAGES = ['en', 'ar', 'fa'] as const;

/**
 * A server forked by a benchmark (`bench/fork.ts`), so that its CPU and memory are its own:
 * `cascade <prefix>` runs Cascade; `bare <prefix>` runs a bare Socket.IO server with the same
 * sharded Redis adapter (each socket joins the room named in its handshake, as Cascade's visitors
 * join theirs; `send` broadcasts to a room) and a raw `ws` echo server beside it.
 * A third argument splits Cascade as README's "Scaling out" does: `web` serves without the
 * background workers, `worker` runs only them.
 * It answers memory reads over IPC, measured after a full GC.
 */
const [mode, prefix = 'bench', role = 'all'] = process.argv.slice(2);
const tell = (m: ServerMessage) => process.send?.(m);

async function memory(): Promise<ServerMessage> {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((r) => setImmediate(r));
  }
  const m = process.memoryUsage();
  return { type: 'memory', rss: m.rss, heapUsed: m.heapUsed };
}

let stop: () => Promise<void>;
let createAgents: (count: number, maxChats: number) => Promise<string[]> = () => Promise.resolve([]);

if (mode === 'cascade') {
  const { app, cascade: core } = await buildServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      KEY_PREFIX: prefix,
      LOG_LEVEL: 'error',
      REDIS_URL,
      WORKERS: role === 'web' ? 'false' : 'true',
      ...benchDatabase(prefix),
      ...benchLimits,
    }),
  );
  if (role !== 'worker') await app.listen({ port: 0, host: '127.0.0.1' });
  const demo = core.demo;
  if (!demo) throw new Error('the benchmark uses the demo site');
  createAgents = async (count, maxChats) => {
    const cookies: string[] = [];
    for (let i = 0; i < count; i++) {
      // A third of the agents answer in the visitors' language: the claim prefers them, then falls back.
      const language = LANGUAGES[i % LANGUAGES.length] ?? 'en';
      cookies.push(
        await benchAgent(core, demo.siteId, `benchagent${process.pid}x${i}`, `Agent ${i}`, maxChats, [language]),
      );
    }
    return cookies;
  };
  stop = () => app.close();
  tell({
    type: 'ready',
    url: role === 'worker' ? '' : `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    siteKey: demo.siteKey,
    wsUrl: null,
  });
} else {
  const pub = createClient({ url: REDIS_URL });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  const http = createServer();
  const io = new Server(http, { adapter: createShardedAdapter(pub, sub, { channelPrefix: `${prefix}:sio` }) });
  io.on('connection', (socket) => {
    const room: unknown = socket.handshake.auth.room;
    if (typeof room === 'string') void socket.join(room);
    socket.on('send', (p: { room: string; payload: unknown }) => io.to(p.room).emit('recv', p.payload));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const raw = createServer();
  const wss = new WebSocketServer({ server: raw });
  wss.on('connection', (ws) => ws.on('message', (data, binary) => ws.send(data, { binary })));
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
  stop = async () => {
    await io.close();
    wss.close();
    raw.close();
    await Promise.all([pub.close(), sub.close()]);
  };
  tell({
    type: 'ready',
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    siteKey: null,
    wsUrl: `ws://127.0.0.1:${(raw.address() as AddressInfo).port}`,
  });
}

process.on('message', (m: ParentMessage) => {
  switch (m.type) {
    case 'memory':
      void memory().then(tell);
      break;
    case 'cpu': {
      const { user, system } = process.cpuUsage();
      tell({ type: 'cpu', ms: (user + system) / 1000 });
      break;
    }
    case 'agents':
      void createAgents(m.count, m.maxChats).then((cookies) => tell({ type: 'agents', cookies }));
      break;
    case 'stop':
      void stop().then(() => process.exit(0));
  }
});

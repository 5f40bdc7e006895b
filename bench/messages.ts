import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { cleanKeys, forkScript, nextMessage, startServer, type BenchServer } from './fork.ts';
import type { BareClientsSetup, ClientMessage, MessageClientsSetup } from './ipc.ts';
import { percentile, redisPingMs, report, round } from './support.ts';

/**
 * Message delivery across processes: two Cascade processes on one Redis, 1,000 chats with the
 * visitor on one process and the agent on the other, both sides sending at a steady rate; the
 * clients in a process of their own. Beside it, in the same run, the floor: bare Socket.IO
 * (two processes, the same Redis and sharded adapter, a room per conversation) under the same
 * load, the same broadcast one message at a time, and a raw `ws` echo.
 */
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 1000);
const AGENTS = Math.ceil(CONVERSATIONS / 20);
const PERIOD_MS = Number(process.env.BENCH_PERIOD_MS ?? 2000);
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 20) * 1000;
const SAMPLES = 2000;

type Done = Extract<ClientMessage, { type: 'done' }>;
const stats = (xs: number[]) => ({
  p50: round(percentile(xs, 50)),
  p90: round(percentile(xs, 90)),
  p99: round(percentile(xs, 99)),
});

const connect = (url: string, opts: object) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], forceNew: true, ...opts });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

/** One client in a room on each of two processes; one sends, the other's copy of the broadcast is timed. */
async function bareSocketIo(a: BenchServer, b: BenchServer): Promise<number[]> {
  const sender = await connect(a.url, { auth: { room: 'bench' } });
  const receiver = await connect(b.url, { auth: { room: 'bench' } });
  // The rooms are joined once a broadcast gets through.
  await new Promise<void>((resolve) => {
    const probe = setInterval(() => sender.emit('send', { room: 'bench', payload: -1 }), 20);
    receiver.once('recv', () => {
      clearInterval(probe);
      resolve();
    });
  });
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    const got = new Promise<void>((resolve) => {
      const on = (payload: number) => {
        if (payload !== i) return;
        receiver.off('recv', on);
        resolve();
      };
      receiver.on('recv', on);
    });
    sender.emit('send', { room: 'bench', payload: i });
    await got;
    times.push(performance.now() - t);
  }
  sender.close();
  receiver.close();
  return times;
}

/** Round trips of a small text frame to a `ws` echo server in another process. */
async function rawWsEcho(url: string): Promise<number[]> {
  const ws = new WebSocket(url);
  await new Promise((r, j) => ws.once('open', r).once('error', j));
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    const echoed = new Promise((r) => ws.once('message', r));
    ws.send(`echo ${i}`);
    await echoed;
    times.push(performance.now() - t);
  }
  ws.close();
  return times;
}

/** Runs one of the client processes through its load: its figures once it is done. */
async function runClients(script: string, setup: MessageClientsSetup | BareClientsSetup, name: string): Promise<Done> {
  const clients = forkScript(script, [JSON.stringify(setup)]);
  const connected = await nextMessage<Extract<ClientMessage, { type: 'connected' }>>(clients, 'connected');
  process.stderr.write(
    `${name}: ${connected.conversations} conversations ready in ${Math.round(connected.setupMs)} ms; ` +
      `sending for ${MEASURE_MS / 1000} s\n`,
  );
  return nextMessage<Done>(clients, 'done');
}

/** Both server processes' CPU milliseconds so far: per message, it covers the clients' setup and warm-up too. */
const serversCpuMs = async (pair: BenchServer[]) =>
  (await Promise.all(pair.map((s) => s.cpuMs()))).reduce((a, b) => a + b, 0);

const prefix = `bench${randomBytes(4).toString('hex')}`;
const servers: BenchServer[] = [];
try {
  const ping = await redisPingMs();

  const bare = await Promise.all([startServer('bare', `${prefix}bare`), startServer('bare', `${prefix}bare`)]);
  servers.push(...bare);
  const [bareA, bareB] = bare as [BenchServer, BenchServer];
  const idleTimes = await bareSocketIo(bareA, bareB);
  const wsTimes = await rawWsEcho(bareA.wsUrl ?? '');
  const load = { conversations: CONVERSATIONS, periodMs: PERIOD_MS, warmupMs: 3000, measureMs: MEASURE_MS };
  const bareLoad: BareClientsSetup = { visitorUrl: bareA.url, agentUrl: bareB.url, ...load };
  const bareCpu0 = await serversCpuMs(bare);
  const bareDone = await runClients('bare-clients.ts', bareLoad, 'bare Socket.IO');
  const bareCpuMs = (await serversCpuMs(bare)) - bareCpu0;
  await Promise.all(bare.map((s) => s.stop()));

  const cascade = await Promise.all([startServer('cascade', prefix), startServer('cascade', prefix)]);
  servers.push(...cascade);
  const [visitorSide, agentSide] = cascade as [BenchServer, BenchServer];
  const cookies = await agentSide.agents(AGENTS, 20);
  const setup: MessageClientsSetup = {
    visitorUrl: visitorSide.url,
    agentUrl: agentSide.url,
    siteKey: visitorSide.siteKey ?? '',
    cookies,
    ...load,
  };
  const cpu0 = await serversCpuMs(cascade);
  const done = await runClients('message-clients.ts', setup, 'Cascade');
  const cpuMs = (await serversCpuMs(cascade)) - cpu0;
  await Promise.all(cascade.map((s) => s.stop()));

  const v2a = stats(done.visitorToAgent);
  const a2v = stats(done.agentToVisitor);
  const bareStats = stats([...bareDone.visitorToAgent, ...bareDone.agentToVisitor]);
  const idleStats = stats(idleTimes);
  const wsStats = stats(wsTimes);
  const both = stats([...done.visitorToAgent, ...done.agentToVisitor]);
  report('messages', {
    conversations: CONVERSATIONS,
    serverProcesses: 2,
    sendPeriodMsPerSide: PERIOD_MS,
    seconds: round(done.seconds),
    messagesPerSecond: round((done.visitorToAgent.length + done.agentToVisitor.length) / done.seconds),
    messagesSent: done.sent,
    messagesUndelivered: done.lost,
    visitorToAgentP50Ms: v2a.p50,
    visitorToAgentP90Ms: v2a.p90,
    visitorToAgentP99Ms: v2a.p99,
    agentToVisitorP50Ms: a2v.p50,
    agentToVisitorP90Ms: a2v.p90,
    agentToVisitorP99Ms: a2v.p99,
    bareSocketIoP50Ms: bareStats.p50,
    bareSocketIoP90Ms: bareStats.p90,
    bareSocketIoP99Ms: bareStats.p99,
    bareSocketIoUndelivered: bareDone.lost,
    bareSocketIoOneAtATimeP50Ms: idleStats.p50,
    bareSocketIoOneAtATimeP99Ms: idleStats.p99,
    rawWsEchoP50Ms: wsStats.p50,
    rawWsEchoP99Ms: wsStats.p99,
    redisPingP50Ms: ping.p50,
    serverCpuMsPerMessage: round(cpuMs / done.sent),
    bareSocketIoServerCpuMsPerMessage: round(bareCpuMs / bareDone.sent),
    ratioCpuToBareSocketIo: round(cpuMs / done.sent / (bareCpuMs / bareDone.sent)),
    ratioP50ToBareSocketIo: round(both.p50 / bareStats.p50),
    ratioP99ToBareSocketIo: round(both.p99 / bareStats.p99),
  });
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await cleanKeys(prefix);
  await cleanKeys(`${prefix}bare`);
}
process.exit(0);

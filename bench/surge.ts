import { randomBytes } from 'node:crypto';
import type { ChatSummary, ConversationView } from '@cascade/shared';
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import { cleanKeys, startServer, type BenchServer } from './fork.ts';
import { REDIS_URL, percentile, redisPingMs, report, round } from './support.ts';
import { watchdog } from './watchdog.ts';

/**
 * A surge: an outage page sends thousands of visitors to "chat with us" at once. One Cascade
 * process (forked, so its CPU is its own) with 50 agents who each hold one chat; `BENCH_SURGE`
 * visitors escalate within `BENCH_SURGE_SECONDS`. Measured:
 * - how long until every visitor has seen their first place in line;
 * - the server's CPU per change of the line (an agent ends a chat, the next is claimed, a new
 *   visitor joins) with about 50 waiting and again with the whole surge waiting: the cost of a
 *   change should not grow with the line;
 * - place updates each waiting visitor receives per minute while the line moves;
 * - Redis commands per escalation (Redis's own counter, less what it served while idle).
 */
const SURGE = Number(process.env.BENCH_SURGE ?? 5000);
const SURGE_SECONDS = Number(process.env.BENCH_SURGE_SECONDS ?? 10);
const AGENTS = 50;
const SMALL_LINE = 50;
/** Line changes measured at each length. */
const CHANGES = Number(process.env.BENCH_SURGE_CHANGES ?? 200);
const CHANGES_PER_SECOND = 20;
/** Visitors who wait in the small line, join during the two change phases, or surge. */
const VISITORS = AGENTS + SMALL_LINE + 2 * CHANGES + SURGE;
/** The whole run's limit, well inside the `timeout 300` it is run under, so that it has time to clean up. */
const LIMIT_MS = Number(process.env.BENCH_SURGE_LIMIT_SECONDS ?? 210) * 1000;
/** Any one answer the run waits for. */
const ANSWER_MS = 120_000;

const prefix = `bench${randomBytes(4).toString('hex')}`;
const sockets: Socket[] = [];
let server: BenchServer | null = null;
const redis = createClient({ url: REDIS_URL });

async function cleanup(): Promise<void> {
  for (const s of sockets) s.close();
  if (redis.isOpen) await redis.close();
  if (server && server.child.exitCode === null) {
    const exited = new Promise((r) => server?.child.once('exit', r));
    const killed = setTimeout(() => server?.child.kill('SIGKILL'), 10_000);
    await server.stop();
    await exited;
    clearTimeout(killed);
  }
  await cleanKeys(prefix);
}
const watch = watchdog(LIMIT_MS, cleanup);
// A refused escalation or a lost answer fails the run (a top-level await that throws is uncaught).
process.on('uncaughtException', (e) => watch.fail(e));
process.on('unhandledRejection', (e) => watch.fail(e));

watch.stage('the server process to start');
const bench = await startServer('cascade', prefix);
server = bench;
const { url } = bench;
const siteKey = bench.siteKey ?? '';
await redis.connect();

/** Connects, with `listen` attached first: a push sent right after the handshake is not missed. */
const connect = (path: string, opts: object, listen: (s: Socket) => void = () => {}) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(`${url}${path}`, { transports: ['websocket'], forceNew: true, ...opts });
    sockets.push(s);
    listen(s);
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

/**
 * Chats held by agents, oldest first: ending the first one makes the line move by one. An agent
 * is listed only while it really holds a chat, so a change never "ends" a chat already ended.
 */
const held: { socket: Socket; conversationId: string }[] = [];
let assigned = 0;
let onAssigned: () => void = () => {};
watch.stage('the agents to be made');
const cookies = await bench.agents(AGENTS, 1);
let agentsReady = 0;
watch.stage('every agent to hear its status', () => `${agentsReady}/${AGENTS}`);
for (const cookie of cookies) {
  // The status comes right after the handshake, possibly in the same read: listen before connecting.
  let statusHeard: () => void = () => {};
  const status = new Promise<void>((r) => (statusHeard = r));
  await connect('/agent', { extraHeaders: { cookie } }, (socket) => {
    socket.once('agent:status', () => statusHeard());
    socket.on('chat:assigned', (c: ChatSummary) => {
      held.push({ socket, conversationId: c.conversation.id });
      assigned++;
      onAssigned();
    });
  });
  await status;
  agentsReady++;
}

type Visitor = { socket: Socket; updates: number };
const visitors: Visitor[] = [];
watch.stage('the visitors to connect and say hello', () => `${visitors.length}/${VISITORS}`);
for (let i = 0; i < VISITORS; i += 100) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(100, VISITORS - i) }, async () => {
      const v: Visitor = { socket: await connect('/visitor', { auth: { siteKey } }), updates: 0 };
      v.socket.on('conversation:update', (view: ConversationView) => {
        if (view.queue) v.updates++;
      });
      await v.socket.timeout(ANSWER_MS).emitWithAck('hello', { after: null, page: null });
      return v;
    }),
  );
  visitors.push(...batch);
}
let nextVisitor = 0;
const takeVisitor = (): Visitor => {
  const v = visitors[nextVisitor++];
  if (!v) throw new Error('no visitor left');
  return v;
};

/** Escalates and resolves when the answer carries a place in line or an agent. */
const escalate = (v: Visitor): Promise<void> =>
  v.socket
    .timeout(ANSWER_MS)
    .emitWithAck('conversation:escalate', {})
    .then((r: { ok: boolean; conversation?: ConversationView; error?: { message: string } }) => {
      if (!r.ok || !r.conversation) throw new Error(`escalate refused: ${r.error?.message}`);
    });

/** Waits until `count` chats have been handed out in all, saying on stderr how far it got. */
const untilAssigned = (count: number, what: string) =>
  new Promise<void>((resolve) => {
    watch.stage(`${what}: chats handed out`, () => `${assigned}/${count}`);
    const progress = setInterval(() => process.stderr.write(`${what}: ${assigned}/${count} handed out\n`), 10_000);
    onAssigned = () => {
      if (assigned < count) return;
      clearInterval(progress);
      resolve();
    };
    onAssigned();
  });

const stats = async () => {
  const info = await redis.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0);
};

/** One change of the line, `CHANGES` times at a steady pace: an agent ends its chat, a visitor joins. */
async function changes(): Promise<{ cpuMsPerChange: number; updatesPerWaitingVisitorPerMinute: number }> {
  const waiting = visitors.slice(AGENTS, nextVisitor);
  const before = waiting.reduce((n, v) => n + v.updates, 0);
  const cpu0 = await bench.cpuMs();
  const t0 = performance.now();
  const target = assigned + CHANGES;
  const joins: Promise<void>[] = [];
  watch.stage('line changes: chats ended and joined', () => `${joins.length}/${CHANGES}`);
  for (let i = 0; i < CHANGES; i++) {
    const due = t0 + (i * 1000) / CHANGES_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // Every chat held may already be ended: wait for the line to hand out the next one.
    if (held.length === 0) await untilAssigned(assigned + 1, 'line changes');
    const chat = held.shift();
    if (!chat) throw new Error('no agent holds a chat');
    chat.socket.emit('chat:resolve', { conversationId: chat.conversationId }, () => {});
    joins.push(escalate(takeVisitor()));
  }
  await Promise.all([...joins, untilAssigned(target, 'line changes')]);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = (await bench.cpuMs()) - cpu0;
  const after = waiting.reduce((n, v) => n + v.updates, 0);
  return {
    cpuMsPerChange: round(cpu / CHANGES),
    updatesPerWaitingVisitorPerMinute: round(((after - before) / Math.max(1, waiting.length)) * (60 / seconds)),
  };
}

// The agents take their chats and a short line forms behind them.
watch.stage('the first chats to be answered with a place', () => `${nextVisitor} escalated`);
await Promise.all(Array.from({ length: AGENTS + SMALL_LINE }, () => escalate(takeVisitor())));
await untilAssigned(AGENTS, 'first chats');
const small = await changes();

// The surge, at a steady pace over SURGE_SECONDS.
const idle0 = await stats();
await new Promise((r) => setTimeout(r, 2000));
const idleOpsPerSecond = ((await stats()) - idle0) / 2;
const ops0 = await stats();
const cpu0 = await bench.cpuMs();
const t0 = performance.now();
/** From each escalation to its answer with a place, and from the surge's start to that answer. */
const firstPlace: number[] = [];
let lastFirstPlace = 0;
const surge: Promise<void>[] = [];
watch.stage('the surge: every escalation answered with a place', () => `${firstPlace.length}/${SURGE}`);
for (let i = 0; i < SURGE; i++) {
  const due = t0 + (i * SURGE_SECONDS * 1000) / SURGE;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  surge.push(
    escalate(takeVisitor()).then(() => {
      firstPlace.push(performance.now() - due);
      lastFirstPlace = Math.max(lastFirstPlace, performance.now() - t0);
    }),
  );
}
await Promise.all(surge);
const surgeSeconds = (performance.now() - t0) / 1000;
const surgeCpu = (await bench.cpuMs()) - cpu0;
const surgeOps = (await stats()) - ops0 - idleOpsPerSecond * surgeSeconds;

const large = await changes();
watch.stage('Redis PING samples');
const ping = await redisPingMs();

watch.stage('the run to clean up after itself');
await cleanup();
watch.done();

report('surge', {
  visitors: SURGE,
  agents: AGENTS,
  surgeSeconds: round(surgeSeconds),
  allSawFirstPlaceAfterMs: round(lastFirstPlace),
  firstPlaceP50Ms: round(percentile(firstPlace, 50)),
  firstPlaceP99Ms: round(percentile(firstPlace, 99)),
  serverCpuMsPerEscalation: round(surgeCpu / SURGE),
  redisOpsPerEscalation: round(surgeOps / SURGE),
  waitingSmall: SMALL_LINE,
  cpuMsPerChangeSmall: small.cpuMsPerChange,
  waitingLarge: SMALL_LINE + SURGE,
  cpuMsPerChangeLarge: large.cpuMsPerChange,
  cpuRatioLargeToSmall: round(large.cpuMsPerChange / small.cpuMsPerChange),
  updatesPerWaitingVisitorPerMinuteSmall: small.updatesPerWaitingVisitorPerMinute,
  updatesPerWaitingVisitorPerMinuteLarge: large.updatesPerWaitingVisitorPerMinute,
  redisPingP50Ms: ping.p50,
});
process.exit(0);

import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildServer, loadConfig } from '@cascade/server';
import { KB_LIMITS, type Message } from '@cascade/shared';
import { io, type Socket } from 'socket.io-client';
import { cleanKeys } from './fork.ts';
import { largestKnowledgeBase } from './largest-kb.ts';
import { REDIS_URL, benchLimits, percentile, redisPingMs, report, round } from './support.ts';

/**
 * One tenant imports the largest knowledge base `KB_LIMITS` allows while another tenant's
 * visitor keeps asking its bot: the other tenant's message latency (send to the bot's answer)
 * during the import, the event loop's longest block (`monitorEventLoopDelay`), the import's
 * time (request to the new index answering) and the process's peak RSS, build thread included.
 * The floor is the same visitor's latency with nothing importing, and a Redis PING, same run.
 * Server and clients share this one process, so every block of the loop shows in the latency.
 */
const PERIOD_MS = 20;
const FLOOR_MESSAGES = 300;
const ms = (ns: number) => round(ns / 1e6);

const prefix = `bench${randomBytes(4).toString('hex')}`;
const { app, cascade: core } = await buildServer(
  loadConfig({ PORT: '0', HOST: '127.0.0.1', KEY_PREFIX: prefix, LOG_LEVEL: 'error', REDIS_URL, ...benchLimits }),
);
try {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const [importer, other] = core.demos;
  if (!importer || !other) throw new Error('the benchmark uses both demo sites');
  const ping = await redisPingMs();

  const admin = importer.accounts.find((a) => a.role === 'admin');
  if (!admin) throw new Error('no admin on the importing site');
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };

  const visitor = io(`${url}/visitor`, { transports: ['websocket'], forceNew: true, auth: { siteKey: other.siteKey } });
  await new Promise<void>((resolve, reject) => {
    visitor.once('connect', () => resolve());
    visitor.once('connect_error', reject);
  });
  const emit = (event: string, payload: unknown) =>
    new Promise<{ ok: boolean }>((r) => visitor.emit(event, payload, r));
  await emit('hello', { after: null, page: { url: 'https://outlet.example/', title: 'Home' } });
  const question = (await core.kb.all(other.siteId))[0]?.content.en?.question ?? 'where is my order';

  /** Send to the bot's answer, one message at a time, every PERIOD_MS, until `until` settles. */
  async function ask(socket: Socket, count: number, until?: Promise<unknown>): Promise<number[]> {
    let over = false;
    void until?.then(() => (over = true));
    const times: number[] = [];
    while (until ? !over : times.length < count) {
      const t = performance.now();
      const answered = new Promise<void>((resolve) => {
        const on = (m: Message) => {
          if (m.author !== 'bot') return;
          socket.off('message:new', on);
          resolve();
        };
        socket.on('message:new', on);
      });
      await emit('message:send', { clientMsgId: randomUUID(), text: question });
      await answered;
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, Math.max(0, PERIOD_MS - (performance.now() - t))));
    }
    return times;
  }

  await ask(visitor, 50); // warm-up: the other tenant's bot is built, the JIT is warm
  const floorLoop = monitorEventLoopDelay({ resolution: 5 });
  floorLoop.enable();
  const floor = await ask(visitor, FLOOR_MESSAGES);
  floorLoop.disable();

  const kb = largestKnowledgeBase();
  const body = JSON.stringify({ siteId: importer.siteId, format: 'json', data: kb, replace: true });
  const rssBefore = process.memoryUsage().rss;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const started = performance.now();
  const imported = (async () => {
    const res = await fetch(`${url}/api/kb/import`, {
      method: 'POST',
      headers: { cookie, 'x-cascade-csrf': csrfToken, 'content-type': 'application/json' },
      body,
    });
    if (!res.ok) throw new Error(`import refused: ${res.status} ${await res.text()}`);
    const answeredAt = performance.now() - started;
    // The import is done when the new index answers.
    while ((await core.bots.get(importer.siteId)).size !== kb.length) await new Promise((r) => setTimeout(r, 50));
    return { answeredAt, indexedAt: performance.now() - started };
  })();
  const during = await ask(
    visitor,
    0,
    imported.catch(() => null),
  );
  const { answeredAt, indexedAt } = await imported;
  loop.disable();
  visitor.close();

  report('kb-import', {
    entries: kb.length,
    trainingChars: KB_LIMITS.trainingChars,
    importBytes: body.length,
    importAnsweredMs: round(answeredAt),
    importIndexedMs: round(indexedAt),
    otherTenantMessagesDuringImport: during.length,
    otherTenantP50Ms: round(percentile(during, 50)),
    otherTenantP99Ms: round(percentile(during, 99)),
    otherTenantMaxMs: round(Math.max(...during)),
    eventLoopMaxBlockMs: ms(loop.max),
    eventLoopDelayP99Ms: ms(loop.percentile(99)),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024),
    rssBeforeImportMb: round(rssBefore / 1024 / 1024),
    floorOtherTenantP50Ms: round(percentile(floor, 50)),
    floorOtherTenantP99Ms: round(percentile(floor, 99)),
    floorEventLoopMaxBlockMs: ms(floorLoop.max),
    redisPingP50Ms: ping.p50,
  });
} finally {
  await app.close();
  await cleanKeys(prefix);
}
process.exit(0);

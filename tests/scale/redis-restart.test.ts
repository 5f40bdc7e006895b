import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatSummary, Message } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailoverClient, type Side } from './failover-client.ts';
import { demoAdmin, freePort, killAll, newPrefix, spawnServer, type ServerProcess } from '../support/processes.ts';
import { SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS, withTimeout } from '../support/waits.ts';

const CONVERSATIONS = 5;
const TICK_MS = 200;

const prefix = newPrefix();
const dir = mkdtempSync(join(tmpdir(), 'cascade-redis-'));
let port = 0;
let redisUrl = '';
let redis: ChildProcess | null = null;
let servers: ServerProcess[] = [];
const clients: FailoverClient[] = [];

/** A private redis-server with AOF on, fsync on every write; resolves once it accepts connections. */
async function startRedis(): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--dir',
      dir,
      '--save',
      '',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
  });
  child.stdout.resume();
  return child;
}

async function stopRedis(): Promise<void> {
  const child = redis;
  redis = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Readiness is polled as a load balancer polls it: there is no event to await. */
async function readiness(url: string, want: number, timeoutMs = 20_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${url}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === want || Date.now() > until) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  port = await freePort();
  redisUrl = `redis://127.0.0.1:${port}`;
  redis = await startRedis();
  servers = await Promise.all([0, 1].map(() => spawnServer(prefix, { REDIS_URL: redisUrl })));
});
afterAll(async () => {
  for (const c of clients) c.close();
  await killAll();
  await stopRedis();
  rmSync(dir, { recursive: true, force: true });
});

const ask = <T extends object>(client: FailoverClient, event: string, payload: unknown) =>
  client.emitter.timeout(STEP_TIMEOUT_MS).emitWithAck(event, payload) as Promise<{ ok: true } & T>;

describe('Redis restarted in the middle of traffic', () => {
  it(
    'turns the processes not-ready while it is down, and they recover with no acked message lost',
    { timeout: SCENARIO_TIMEOUT_MS },
    async () => {
      const [p1, p2] = servers as [ServerProcess, ServerProcess];
      // An agent who can take every chat of the test (the demo agents keep the site's default cap).
      const cookie = await (await demoAdmin(p2, prefix, { redisUrl })).newAgent('Night Shift', 20);
      const agentSide: Side = {
        path: '/agent',
        opts: () => ({ extraHeaders: { cookie } }),
        send: (socket, m) =>
          socket
            .timeout(5000)
            .emitWithAck('chat:send', { conversationId: m.conversationId, clientMsgId: m.clientMsgId, text: m.text }),
        resync: () => Promise.resolve([]),
      };
      const agent = new FailoverClient([p2.url, p1.url], agentSide, (m) => m.author === 'agent');
      clients.push(agent);
      const assigned: string[] = [];
      let allAssigned: () => void = () => {};
      const everyChatAssigned = new Promise<void>((r) => (allAssigned = r));
      agent.emitter.on('chat:assigned', (c: ChatSummary) => {
        if (assigned.push(c.conversation.id) === CONVERSATIONS) allAssigned();
      });
      await withTimeout('the agent to come online', new Promise((r) => agent.emitter.once('agent:status', r)));

      const visitors: { client: FailoverClient; conversationId: string }[] = [];
      for (let i = 0; i < CONVERSATIONS; i++) {
        const state: { token?: string } = {};
        const side: Side = {
          path: '/visitor',
          opts: () => ({ auth: { siteKey: p1.siteKey, ...(state.token ? { token: state.token } : {}) } }),
          send: (socket, m) =>
            socket.timeout(5000).emitWithAck('message:send', { clientMsgId: m.clientMsgId, text: m.text }),
          resync: () => Promise.resolve([]),
        };
        const client = new FailoverClient([p1.url, p2.url], side, (m) => m.author === 'visitor');
        clients.push(client);
        await client.connected();
        state.token = (await ask<{ token: string }>(client, 'hello', { after: null, page: null })).token;
        const { conversation } = await ask<{ conversation: { id: string } }>(client, 'conversation:escalate', {});
        visitors.push({ client, conversationId: conversation.id });
      }
      await everyChatAssigned;
      expect(assigned.sort()).toEqual(visitors.map((v) => v.conversationId).sort());

      let n = 0;
      const traffic = setInterval(() => {
        for (const { client, conversationId } of visitors) {
          client.queue(conversationId, randomUUID(), `visitor ${n}`);
          agent.queue(conversationId, randomUUID(), `agent ${n}`);
        }
        n++;
      }, TICK_MS);
      await new Promise((r) => setTimeout(r, 5 * TICK_MS));

      await stopRedis();
      expect(await readiness(p1.url, 503)).toBe(503);
      expect(await readiness(p2.url, 503)).toBe(503);
      redis = await startRedis();
      expect(await readiness(p1.url, 200)).toBe(200);
      expect(await readiness(p2.url, 200)).toBe(200);

      await new Promise((r) => setTimeout(r, 5 * TICK_MS));
      clearInterval(traffic);
      await Promise.all(clients.map((c) => c.drained(30_000)));

      let stored = 0;
      let resent = 0;
      for (const { client, conversationId } of visitors) {
        const { messages } = await ask<{ messages: Message[] }>(agent, 'chat:sync', { conversationId, after: null });
        for (const [author, writer] of [
          ['visitor', client],
          ['agent', agent],
        ] as const) {
          const written = messages.filter((m) => m.author === author);
          expect(written.map((m) => m.text)).toEqual([...Array(n).keys()].map((i) => `${author} ${i}`));
          for (const m of written) expect(writer.acked.get(m.clientMsgId ?? '')).toBe(m.id);
          stored += written.length;
        }
        resent += client.resent;
      }
      resent += agent.resent;
      console.log('redis restart counts', JSON.stringify({ conversations: CONVERSATIONS, ticks: n, stored, resent }));
      expect(stored).toBe(2 * CONVERSATIONS * n);
    },
  );
});

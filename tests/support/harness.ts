import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildServer, loadConfig, type Cascade, type CascadeServer, type Demo } from '@cascade/server';
import type { AgentSkill, Locale, Role, Site } from '@cascade/shared';
import { createClient } from 'redis';
import { TestClient } from './clients.ts';
import { login as loginAt } from './rest.ts';
import { databaseEnv, dropSchema } from './database.ts';
import { STEP_TIMEOUT_MS } from './waits.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Tests open many connections from one address; the limits themselves are tested on their own. */
export const generousLimits = {
  RATE_VISITOR_MESSAGES_PER_MINUTE: '100000',
  RATE_CONVERSATIONS_PER_IP_PER_HOUR: '100000',
  RATE_CONNECTIONS_PER_IP_PER_MINUTE: '100000',
  RATE_AGENT_MESSAGES_PER_MINUTE: '100000',
  VISITOR_SOCKETS_PER_TOKEN: '1000',
  RATE_UPLOADS_PER_VISITOR_PER_HOUR: '100000',
  RATE_UPLOADS_PER_IP_PER_HOUR: '100000',
};

/**
 * What a server spends at a test's cost. Every start seeds eight accounts and every login checks
 * a hash, which at production's 64 MiB each is most of a server's start on a loaded machine. A
 * bot's build, niced, barely runs while the other test workers and their browsers take both
 * cores; what the tests check of it (the event loop stays free) is the thread's, not the nice's.
 */
export const testCosts = {
  PASSWORD_HASH_MEMORY_KIB: '1024',
  BOT_BUILD_NICE: '0',
  // An edited entry must answer the very next message, however slow the build: wait for it
  // within the step's own limit.
  BOT_FRESH_WAIT_MS: String((STEP_TIMEOUT_MS * 3) / 4),
};

export type Harness = {
  url: string;
  prefix: string;
  app: CascadeServer;
  /** What the server was composed of: its stores, queues and services. */
  cascade: Cascade;
  demo: Demo;
  /** Every seeded demo site: the main one and a second tenant. */
  demos: Demo[];
  /** A visitor of the demo site, connected and greeted. */
  visitor(opts?: {
    token?: string;
    locale?: string;
    siteKey?: string;
    identity?: string;
  }): Promise<TestClient & { token: string }>;
  /** An agent logged in over REST, with the session cookie on its socket. */
  agent(email: string, password?: string): Promise<TestClient & { cookie: string; csrf: string }>;
  login(email: string, password?: string): Promise<{ cookie: string; csrf: string }>;
  /** A new agent of the demo site with these skills, connected (no password round trip). */
  newAgent(opts: {
    skills: AgentSkill[];
    maxChats?: number | null;
    name?: string;
    role?: Role;
    /** The languages the agent answers in. */
    languages?: Locale[];
  }): Promise<TestClient & { agentId: string }>;
  /** Changes the demo site's settings in place. */
  configureSite(patch: Partial<Site>): Promise<Site>;
  /** Every key of this run, with its type and value, to prove nothing changed. */
  snapshot(): Promise<Record<string, string>>;
  /** Stops the server and removes this run's keys, unless kept for a server started next on the same prefix. */
  close(opts?: { keepKeys?: boolean }): Promise<void>;
};

export type StartOptions = {
  /** Reuse the keys of an earlier run (closed with `keepKeys`), as a restarted server would. */
  prefix?: string;
};

/** Where a run keeps its attachments on disk: its own folder, removed with its keys. */
export const filesDir = (prefix: string) => join(tmpdir(), `cascade-files-${prefix}`);

/** A real Cascade server on a free loopback port, with its own Redis key prefix. */
export async function startCascade(env: Record<string, string> = {}, opts: StartOptions = {}): Promise<Harness> {
  const prefix = opts.prefix ?? `test${randomBytes(5).toString('hex')}`;
  // The tests' webhook receivers listen on loopback.
  const local = { ALLOW_INTERNAL_WEBHOOKS: 'true' };
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    KEY_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    REDIS_URL,
    ...databaseEnv(prefix),
    ...generousLimits,
    ...testCosts,
    ...local,
    FILES_DIR: filesDir(prefix),
    ...env,
  });
  const { app, cascade } = await buildServer(config);
  // Port 0 (a free one) unless a test chose one, e.g. so that PUBLIC_URL can name it.
  await app.listen({ port: config.PORT, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const demo = cascade.demo;
  if (!demo) throw new Error('the harness needs the demo seed');
  const clients: TestClient[] = [];

  const demos = cascade.demos;
  const passwordOf = (email: string) => demos.flatMap((d) => d.accounts).find((a) => a.email === email)?.password ?? '';

  const login = (email: string, password = passwordOf(email)) => loginAt(url, email, password);

  return {
    url,
    prefix,
    app,
    cascade,
    demo,
    demos,
    login,
    async visitor(opts = {}) {
      const client = new TestClient(`${url}/visitor`, {
        auth: {
          siteKey: opts.siteKey ?? demo.siteKey,
          ...(opts.token ? { token: opts.token } : {}),
          ...(opts.locale ? { locale: opts.locale } : {}),
          ...(opts.identity ? { identity: opts.identity } : {}),
        },
      });
      clients.push(client);
      await client.connected();
      const hello = await client.ok<{ token: string }>('hello', {
        after: null,
        page: { url: 'https://shop.example/', title: 'Home' },
      });
      return Object.assign(client, { token: hello.token });
    },
    async agent(email, password) {
      const { cookie, csrf } = await login(email, password);
      const client = new TestClient(`${url}/agent`, { extraHeaders: { cookie } });
      clients.push(client);
      await client.connected();
      await client.next('agent:status');
      return Object.assign(client, { cookie, csrf });
    },
    async newAgent(opts) {
      const core = cascade;
      const id = `agent${randomBytes(6).toString('hex')}`;
      const agent = {
        id,
        email: `${id}@agents.example`,
        name: opts.name ?? id,
        locale: 'en' as const,
        avatarUrl: null,
        active: true,
        memberships: [
          {
            siteId: demo.siteId,
            role: opts.role ?? ('agent' as const),
            skills: opts.skills,
            maxChats: opts.maxChats ?? null,
            languages: opts.languages ?? [],
          },
        ],
        createdAt: Date.now(),
      };
      await core.agents.save(agent);
      await core.routing.registerAgent(agent);
      const session = await core.sessions.create(id);
      const client = new TestClient(`${url}/agent`, { extraHeaders: { cookie: `cascade_session=${session.id}` } });
      clients.push(client);
      await client.connected();
      await client.next('agent:status');
      return Object.assign(client, { agentId: id });
    },
    async configureSite(patch) {
      const core = cascade;
      const site = await core.sites.get(demo.siteId);
      const secrets = await core.sites.secrets(demo.siteId);
      if (!site || !secrets) throw new Error('no demo site');
      const next = { ...site, ...patch };
      await core.sites.save(next, secrets);
      return next;
    },
    async snapshot() {
      const redis = createClient({ url: REDIS_URL });
      await redis.connect();
      const out: Record<string, string> = {};
      for await (const batch of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) {
        for (const key of batch) {
          const type = await redis.type(key);
          const value =
            type === 'string'
              ? await redis.get(key)
              : type === 'hash'
                ? await redis.hGetAll(key)
                : type === 'set'
                  ? (await redis.sMembers(key)).sort()
                  : type === 'zset'
                    ? await redis.zRangeWithScores(key, 0, -1)
                    : type === 'list'
                      ? await redis.lRange(key, 0, -1)
                      : type === 'stream'
                        ? await redis.xRange(key, '-', '+')
                        : type;
          out[key] = JSON.stringify(value);
        }
      }
      await redis.close();
      return out;
    },
    async close(opts = {}) {
      for (const c of clients) c.close();
      await app.close();
      if (!opts.keepKeys) {
        await cleanKeys(prefix);
        await rm(filesDir(prefix), { recursive: true, force: true });
      }
    },
  };
}

/** Removes every key of the prefix (the store's and BullMQ's under their own hash tag) and its history schema. */
export async function cleanKeys(prefix: string, redisUrl = REDIS_URL): Promise<void> {
  await dropSchema(prefix);
  const redis = createClient({ url: redisUrl });
  await redis.connect();
  for (const match of [`${prefix}:*`, `{${prefix}:jobs}:*`]) {
    for await (const batch of redis.scanIterator({ MATCH: match, COUNT: 500 })) {
      if (batch.length > 0) await redis.unlink(batch);
    }
  }
  await redis.close();
}

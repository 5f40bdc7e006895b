import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildServer, loadConfig, type Cascade, type CascadeServer } from '@cascade/server';
import { cleanKeys, generousLimits, testCosts, REDIS_URL } from '../support/harness.ts';
import { databaseEnv } from '../support/database.ts';

export type Fresh = {
  url: string;
  prefix: string;
  app: CascadeServer;
  cascade: Cascade;
  env: Record<string, string>;
  close(): Promise<void>;
};

/** The environment of a server without the demo on a clean key prefix, as a new installation runs. */
export function freshEnv(prefix: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    KEY_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    REDIS_URL,
    DEMO: 'false',
    ...databaseEnv(prefix),
    ...generousLimits,
    ...testCosts,
    ...env,
  };
}

/**
 * A new installation: DEMO=false on a key prefix nobody used, on a free loopback port. With
 * `port`, it listens there and the links it makes (setup, snippet, emails) name that port.
 */
export async function startFresh(
  env: Record<string, string> = {},
  opts: { prefix?: string; port?: number } = {},
): Promise<Fresh> {
  const prefix = opts.prefix ?? `test${randomBytes(5).toString('hex')}`;
  const all = freshEnv(prefix, env);
  const port = opts.port ?? 0;
  const { app, cascade } = await buildServer(loadConfig({ PORT: String(port), ...all }));
  await app.listen({ port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    prefix,
    app,
    cascade,
    env: all,
    async close() {
      await app.close();
      await cleanKeys(prefix);
    },
  };
}

/** A JSON call with an optional session; the cookie set by the answer, if any, comes back too. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body's shape, as restClient's do
export async function call<T = Record<string, unknown>>(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  auth?: { cookie: string; csrf: string },
): Promise<{ status: number; body: T; cookie: string | null }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(auth ? { cookie: auth.cookie, 'x-cascade-csrf': auth.csrf } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? null;
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, cookie };
}

/** The token at the end of a `#setup/…`, `#invite/…`, `#join/…` or `#reset/…` link. */
export const tokenOf = (link: string) => /#\w+\/([A-Za-z0-9_-]+)/.exec(link)?.[1] ?? '';

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClient } from '../support/clients.ts';
import { login, restClient } from '../support/rest.ts';
import { withTimeout } from '../support/waits.ts';
import { call, freshEnv, startFresh, tokenOf, type Fresh } from './fresh.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const owner = { name: 'Nadia Owner', email: 'nadia@shop.example', password: 'a long owner password' };
const firstSite = { name: 'Shop', allowedOrigins: ['https://shop.example'], locales: ['en', 'fa'] };

let servers: Fresh[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function fresh(env: Record<string, string> = {}, prefix?: string) {
  const s = await startFresh(env, prefix ? { prefix } : {});
  servers.push(s);
  return s;
}

/** Runs `pnpm cascade …` against the prefix, with `stdin` as the password. */
function cli(args: string[], env: Record<string, string>, stdin: string) {
  return withTimeout(
    `cascade ${args[0]}`,
    new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/bin/cascade.ts', ...args], {
        cwd: root,
        env: { ...process.env, ...env },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out, err }));
      child.stdin.end(stdin);
    }),
    60_000,
  );
}

function visitor(url: string, siteKey: string, origin: string) {
  return new TestClient(`${url}/visitor`, { auth: { siteKey }, extraHeaders: { origin }, reconnection: false });
}
function handshake(client: TestClient): Promise<string> {
  return withTimeout(
    'the visitor handshake',
    new Promise<string>((resolve) => {
      client.socket.once('connect', () => resolve('connected'));
      client.socket.once('connect_error', (e) => resolve(e.message));
    }),
  );
}

describe('first run', () => {
  it('prints a one-time setup link that creates the owner and the first site, once', async () => {
    const s = await fresh();
    const link = s.cascade.setupLink;
    expect(link).toMatch(/\/console\/#setup\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link ?? '');

    expect((await call(s.url, 'GET', `/api/setup/${token}`)).body).toEqual({ valid: true });
    const wrong = await call(s.url, 'POST', '/api/setup', { token: 'x'.repeat(43), owner, site: firstSite });
    expect(wrong.status).toBe(404);

    const done = await call<{ site: { id: string; publicKey: string; allowedOrigins: string[] }; snippet: string }>(
      s.url,
      'POST',
      '/api/setup',
      { token, owner, site: firstSite },
    );
    expect(done.status).toBe(200);
    expect(done.body.site.allowedOrigins).toEqual(['https://shop.example']);
    expect(done.body.snippet).toContain(`data-site-key="${done.body.site.publicKey}"`);
    expect(done.cookie).toMatch(/^cascade_session=/);

    const me = await call<{
      agent: { email: string };
      sites: { id: string; role: string }[];
      passwordChangeRequired: boolean;
    }>(s.url, 'GET', '/api/auth/me', undefined, { cookie: done.cookie ?? '', csrf: '' });
    expect(me.body.agent.email).toBe(owner.email);
    expect(me.body.sites).toEqual([expect.objectContaining({ id: done.body.site.id, role: 'admin' })]);
    expect(me.body.passwordChangeRequired).toBe(false);

    // Single use: the link is spent, and a new start of an installation with accounts prints none.
    expect((await call(s.url, 'GET', `/api/setup/${token}`)).body).toEqual({ valid: false });
    const again = await call(s.url, 'POST', '/api/setup', {
      token,
      owner: { ...owner, email: 'x@shop.example' },
      site: firstSite,
    });
    expect(again.status).toBe(404);
    const prefix = s.prefix;
    await s.app.close();
    servers = [];
    const restarted = await fresh({}, prefix);
    expect(restarted.cascade.setupLink).toBeNull();
  });

  it('says whether the widget has connected from an allowed origin, and why it refused others', async () => {
    const s = await fresh();
    const token = tokenOf(s.cascade.setupLink ?? '');
    const done = await call<{ site: { id: string; publicKey: string } }>(s.url, 'POST', '/api/setup', {
      token,
      owner,
      site: firstSite,
    });
    const auth = await login(s.url, owner.email, owner.password);
    const rest = restClient(s.url, auth);
    const installation = () =>
      rest.get<{ lastConnection: { origin: string } | null; refusals: { reason: string }[] }>(
        `/api/sites/installation?siteId=${done.body.site.id}`,
      );
    expect((await installation()).body).toEqual({ lastConnection: null, refusals: [] });

    const stranger = visitor(s.url, done.body.site.publicKey, 'https://elsewhere.example');
    expect(await handshake(stranger)).toBe('origin_not_allowed');
    stranger.close();
    expect((await installation()).body.refusals.map((r) => r.reason)).toEqual([
      'refused from https://elsewhere.example: not in the allowed origins',
    ]);
    expect((await installation()).body.lastConnection).toBeNull();

    const shop = visitor(s.url, done.body.site.publicKey, 'https://shop.example');
    expect(await handshake(shop)).toBe('connected');
    shop.close();
    expect((await installation()).body.lastConnection?.origin).toBe('https://shop.example');
  });

  it('adds, re-keys and removes sites with everything they hold', async () => {
    const s = await fresh();
    const token = tokenOf(s.cascade.setupLink ?? '');
    await call(s.url, 'POST', '/api/setup', { token, owner, site: firstSite });
    const rest = restClient(s.url, await login(s.url, owner.email, owner.password));
    const second = await rest.post<{ site: { id: string; name: string; publicKey: string } }>('/api/sites', {
      name: 'Second shop',
      allowedOrigins: ['https://second.example'],
      locales: ['ar'],
    });
    expect(second.status).toBe(200);
    const siteId = second.body.site.id;
    const rest2 = restClient(s.url, await login(s.url, owner.email, owner.password));
    expect((await rest2.get<{ sites: { id: string }[] }>('/api/auth/me')).body.sites.map((x) => x.id)).toContain(
      siteId,
    );

    const renamed = await rest2.patch<{ site: { name: string } }>(`/api/sites/settings?siteId=${siteId}`, {
      name: 'Outlet',
    });
    expect(renamed.body.site.name).toBe('Outlet');

    const oldKey = second.body.site.publicKey;
    const rotated = await rest2.post<{ site: { publicKey: string }; snippet: string }>('/api/sites/key/rotate', {
      siteId,
    });
    expect(rotated.body.site.publicKey).not.toBe(oldKey);
    expect(rotated.body.snippet).toContain(rotated.body.site.publicKey);
    const old = visitor(s.url, oldKey, 'https://second.example');
    expect(await handshake(old)).toBe('unknown_site');
    old.close();

    // A visitor leaves something behind, which the removal takes with it.
    const v = visitor(s.url, rotated.body.site.publicKey, 'https://second.example');
    expect(await handshake(v)).toBe('connected');
    await v.ok('hello', { after: null, page: { url: 'https://second.example/', title: 'Home' } });
    v.close();

    const typo = await rest2.post('/api/sites/remove', { siteId, confirm: 'outlet' });
    expect(typo.status).toBe(400);
    const removed = await rest2.post('/api/sites/remove', { siteId, confirm: 'Outlet' });
    expect(removed.status).toBe(204);
    const left = await s.cascade.redis.eval(`return #redis.call('KEYS', ARGV[1])`, {
      keys: [],
      arguments: [`${s.prefix}:{s:${siteId}}:*`],
    });
    expect(left).toBe(0);
    expect(await s.cascade.sites.get(siteId)).toBeNull();
    const rest3 = restClient(s.url, await login(s.url, owner.email, owner.password));
    expect((await rest3.get<{ sites: { id: string }[] }>('/api/auth/me')).body.sites.map((x) => x.id)).not.toContain(
      siteId,
    );
  });

  it('sets up headless from the command line and resets a password there', async () => {
    const s = await fresh();
    const env = freshEnv(s.prefix);
    const setup = await cli(
      ['setup', '--email', 'ops@shop.example', '--site', 'Headless shop', '--origin', 'https://shop.example'],
      env,
      'a long cli password\n',
    );
    expect(setup.err).toBe('');
    expect(setup.code).toBe(0);
    expect(setup.out).toMatch(/<script async src=".*\/widget\.js" data-site-key="pk_[a-f0-9]+"><\/script>/);
    const session = await login(s.url, 'ops@shop.example', 'a long cli password');
    // The setup link printed before is spent once an account exists.
    const token = tokenOf(s.cascade.setupLink ?? '');
    expect((await call(s.url, 'GET', `/api/setup/${token}`)).body).toEqual({ valid: false });
    const twice = await cli(['setup', '--email', 'b@shop.example', '--site', 'Again'], env, 'a long cli password\n');
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('already has accounts');

    const reset = await cli(['reset-password', '--email', 'ops@shop.example'], env, 'a brand new password\n');
    expect(reset.code).toBe(0);
    expect((await call(s.url, 'GET', '/api/auth/me', undefined, session)).status).toBe(401);
    await login(s.url, 'ops@shop.example', 'a brand new password');
  });
});

import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { TestClient, handshakeOutcome } from '../support/clients.ts';
import { restClient } from '../support/rest.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('abuse limits, kept in Redis', () => {
  it('slows a visitor who floods messages with a clear error', async () => {
    h = await startCascade({ RATE_VISITOR_MESSAGES_PER_MINUTE: '3' });
    const v = await h.visitor();
    for (let i = 0; i < 3; i++) await v.ok('message:send', { clientMsgId: randomUUID(), text: `hi ${i}` });
    const r = await v.request('message:send', { clientMsgId: randomUUID(), text: 'one more' });
    expect(r).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('slows a visitor who keeps reading earlier conversations, list and transcript alike', async () => {
    h = await startCascade({ RATE_EARLIER_PER_VISITOR_PER_MINUTE: '2' });
    const v = await h.visitor();
    await v.ok('earlier:list', {});
    await v.ok('earlier:list', {});
    expect(await v.request('earlier:list', {})).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await v.request('earlier:open', { conversationId: randomUUID().replace(/-/g, '') })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
    // The limit is the visitor's own: another visitor still reads theirs.
    await (await h.visitor()).ok('earlier:list', {});
  });

  it('limits new conversations and connections per address', async () => {
    h = await startCascade({ RATE_CONVERSATIONS_PER_IP_PER_HOUR: '2', RATE_CONNECTIONS_PER_IP_PER_MINUTE: '6' });
    for (let i = 0; i < 2; i++) {
      const v = await h.visitor();
      await v.ok('conversation:escalate', {});
    }
    const third = await h.visitor();
    expect(await third.request('conversation:escalate', {})).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await handshakeOutcome(h.url, { siteKey: h.demo.siteKey }));
    expect(outcomes).toContain('rate_limited');
  });

  it('slows repeated failed logins from one address, even for the right password, and says when to retry', async () => {
    h = await startCascade({ LOGIN_MAX_FAILURES: '3', TRUST_PROXY: '1' });
    const attacker = { 'x-forwarded-for': '198.51.100.66' };
    const statuses = [];
    let slowed: Response | undefined;
    // Each failure after the free ones makes the next try wait; stop at the first refusal.
    for (let i = 0; i < 6 && !slowed; i++) {
      const res = await badLogin(h.url, 'lina@cedar.example', attacker);
      if (res.status === 429) slowed = res;
      else statuses.push(res.status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(slowed?.status).toBe(429);
    expect(Number(slowed?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await slowed!.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    const right = await loginFrom(h, 'lina@cedar.example', attacker);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await loginFrom(h, 'omid@cedar.example', attacker)).status).toBe(200);
  });

  it('never lets a stranger’s failed logins lock the owner out of their account', async () => {
    h = await startCascade({ LOGIN_MAX_FAILURES: '3', TRUST_PROXY: '1' });
    const victim = { 'x-forwarded-for': '203.0.113.10' };
    const session = await h.login('lina@cedar.example');
    let refused: Response | undefined;
    for (let i = 0; i < 8 && !refused; i++) {
      const res = await badLogin(h.url, 'lina@cedar.example', { 'x-forwarded-for': '198.51.100.66' });
      if (res.status === 429) refused = res;
    }
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    expect((await loginFrom(h, 'lina@cedar.example', victim)).status).toBe(200);
    const rest = restClient(h.url, session);
    expect((await rest.get('/api/auth/me')).status).toBe(200);
    // Even guesses from the owner's own address (a shared office network) leave the session free to change it.
    const office = { 'x-forwarded-for': '127.0.0.1' };
    for (let i = 0; i < 4; i++) await badLogin(h.url, 'lina@cedar.example', office);
    expect((await loginFrom(h, 'lina@cedar.example', office)).status).toBe(429);
    const old = h.demo.accounts.find((a) => a.email === 'lina@cedar.example')!.password;
    expect((await rest.post('/api/auth/password', { current: old, next: 'a long new passphrase' })).status).toBe(204);
  });
});

function badLogin(url: string, email: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password: 'guess' }),
  });
}

function loginFrom(harness: Harness, email: string, headers: Record<string, string>): Promise<Response> {
  const password = harness.demos.flatMap((d) => d.accounts).find((a) => a.email === email)!.password;
  return fetch(`${harness.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

describe('sessions and identities', () => {
  it('ends every session of an agent on "log out everywhere"', async () => {
    h = await startCascade();
    const first = await h.login('omid@cedar.example');
    const second = await h.login('omid@cedar.example');
    const socket = await h.agent('omid@cedar.example');
    const disconnected = new Promise((r) => socket.socket.once('disconnect', r));
    expect((await restClient(h.url, first).post('/api/auth/logout-everywhere', {})).status).toBe(204);
    await disconnected;
    expect((await restClient(h.url, second).get('/api/auth/me')).status).toBe(401);
  });

  it('lets an agent change their password: the old one stops working and their other sessions end', async () => {
    h = await startCascade();
    const old = h.demo.accounts.find((a) => a.email === 'omid@cedar.example')!.password;
    const here = await h.login('omid@cedar.example');
    const elsewhere = await h.login('omid@cedar.example');
    const otherSocket = new TestClient(`${h.url}/agent`, { extraHeaders: { cookie: elsewhere.cookie } });
    await otherSocket.connected();
    await otherSocket.next('agent:status');
    const rest = restClient(h.url, here);

    const wrong = await rest.post<{ error: { code: string; message: string } }>('/api/auth/password', {
      current: 'not it',
      next: 'a long new passphrase',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('current');
    const short = await rest.post<{ error: { message: string } }>('/api/auth/password', {
      current: old,
      next: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toContain('at least 10 characters');

    const disconnected = new Promise<string>((r) => otherSocket.socket.once('disconnect', r));
    expect((await rest.post('/api/auth/password', { current: old, next: 'a long new passphrase' })).status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
    expect((await restClient(h.url, elsewhere).get('/api/auth/me')).status).toBe(401);
    expect((await rest.get('/api/auth/me')).status).toBe(200);
    await expect(h.login('omid@cedar.example', old)).rejects.toThrow(/401/);
    await h.login('omid@cedar.example', 'a long new passphrase');
    otherSocket.close();
  });

  it('ends the live connection of a session that logs out, and only that one', async () => {
    h = await startCascade();
    const leaving = await h.login('omid@cedar.example');
    const staying = await h.login('omid@cedar.example');
    const agentSocket = (auth: { cookie: string }) =>
      new TestClient(`${h!.url}/agent`, { extraHeaders: { cookie: auth.cookie } });
    const gone = agentSocket(leaving);
    const kept = agentSocket(staying);
    await Promise.all([gone.connected(), kept.connected()]);
    await Promise.all([gone.next('agent:status'), kept.next('agent:status')]);
    const disconnected = new Promise<string>((r) => gone.socket.once('disconnect', r));
    expect((await restClient(h.url, leaving).post('/api/auth/logout', {})).status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
    expect(kept.socket.connected).toBe(true);
    expect((await kept.request('inbox:get', {})).ok).toBe(true);
    gone.close();
    kept.close();
  });

  it('drops a deactivated agent’s connection at once, and refuses it back', async () => {
    h = await startCascade();
    const admin = restClient(h.url, await h.login('admin@cedar.example'));
    const created = await admin.post<{ password: string; agent: { id: string } }>('/api/agents', {
      siteId: h.demo.siteId,
      email: 'leaving@cedar.example',
      name: 'Leaving Agent',
      role: 'agent',
      skills: [{ skill: 'general', level: 1 }],
    });
    const socket = await h.agent('leaving@cedar.example', created.body.password);
    const disconnected = new Promise<string>((r) => socket.socket.once('disconnect', r));
    expect(
      (await admin.patch(`/api/agents/${created.body.agent.id}`, { siteId: h.demo.siteId, active: false })).status,
    ).toBe(200);
    expect(await disconnected).toBe('io server disconnect');
    const refused = new Promise<Error>((r) => socket.socket.once('connect_error', r));
    socket.socket.connect();
    expect((await refused).message).toBe('unauthorized');
    socket.close();
  });

  it('revokes every token of a visitor: the connection ends and the browser comes back as a stranger', async () => {
    h = await startCascade();
    const tab = await h.visitor();
    const hello = await tab.ok<{ visitorId: string }>('hello', { after: null, page: null });
    await tab.ok('message:send', { clientMsgId: randomUUID(), text: 'My card number is on file, right?' });
    const path = `/api/visitors/${hello.visitorId}/revoke`;
    const body = { siteId: h.demo.siteId };

    expect((await restClient(h.url, await h.login('lina@cedar.example')).post(path, body)).status).toBe(403);
    expect(
      (await restClient(h.url, await h.login('sara@cedar.example')).post(path, { siteId: h.demos[1]!.siteId })).status,
    ).toBe(404);
    const disconnected = new Promise<string>((r) => tab.socket.once('disconnect', r));
    const revoked = await restClient(h.url, await h.login('sara@cedar.example')).post<{ revoked: number }>(path, body);
    expect(revoked).toMatchObject({ status: 200, body: { revoked: 1 } });
    expect(await disconnected).toBe('io server disconnect');

    const back = await h.visitor({ token: tab.token });
    const again = await back.ok<{ visitorId: string; token: string; messages: unknown[]; conversation: unknown }>(
      'hello',
      { after: null, page: null },
    );
    expect(again.visitorId).not.toBe(hello.visitorId);
    expect(again.token).not.toBe(tab.token);
    expect(again.messages).toEqual([]);
    expect(again.conversation).toBeNull();
    tab.close();
    back.close();
  });

  it('accepts only fresh identity tokens signed for this site', async () => {
    h = await startCascade();
    const secret = (await h.cascade.sites.secrets(h.demo.siteId))!.identitySecret;
    const other = (await h.cascade.sites.secrets(h.demos[1]!.siteId))!.identitySecret;
    const token = (key: string, exp: string | number) =>
      new SignJWT({ email: 'c@example.com' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('c1')
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(key));
    const verified = async (identity: string) => {
      const v = await h!.visitor({ identity });
      const { visitorId } = await v.ok<{ visitorId: string }>('hello', { after: null, page: null });
      v.close();
      return (await h!.cascade.visitors.get(h!.demo.siteId, visitorId))?.verified;
    };
    expect(await verified(await token(secret, '10m'))).toBe(true);
    expect(await verified(await token(secret, Math.floor(Date.now() / 1000) - 600))).toBe(false);
    expect(await verified(await token(secret, '48h'))).toBe(false);
    expect(await verified(await token(other, '10m'))).toBe(false);
    expect(await verified('not.a.jwt')).toBe(false);
  });

  it('lets a site require signed-in visitors before they chat', async () => {
    h = await startCascade();
    await h.configureSite({ requireIdentity: true });
    const anonymous = await h.visitor();
    expect(await anonymous.request('message:send', { clientMsgId: randomUUID(), text: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'identity_invalid' },
    });
  });
});

describe('headers', () => {
  it('sends a strict content security policy with the console', async () => {
    h = await startCascade();
    const res = await fetch(`${h.url}/console/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});

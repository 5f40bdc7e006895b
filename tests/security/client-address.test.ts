import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '@cascade/server';
import { startCascade, type Harness } from '../support/harness.ts';
import { handshakeOutcome } from '../support/clients.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const failLogin = (url: string, forwardedFor: string, email: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email, password: 'a wrong guess' }),
  });

describe('the client address behind a trusted proxy', () => {
  it(
    'counts logins with spoofed left-most X-Forwarded-For addresses behind one trusted hop as one client',
    async () => {
      h = await startCascade({ TRUST_PROXY: '1', LOGIN_MAX_FAILURES: '1' });
      // An address may fail ten times as often as one account, across any accounts.
      const url = h.url;
      const first = await Promise.all(
        Array.from({ length: 10 }, (_, n) => failLogin(url, `spoof-${n}, 10.9.9.9`, `nobody${n}@cedar.example`)),
      );
      expect(first.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 401));
      expect((await failLogin(h.url, 'spoof-10, 10.9.9.9', 'nobody10@cedar.example')).status).toBe(429);
      expect((await failLogin(h.url, 'spoof-12, 10.9.9.8', 'nobody12@cedar.example')).status).toBe(401);
      // Eleven password checks on a busy machine.
    },
    SCENARIO_TIMEOUT_MS,
  );

  it('counts widget handshakes with spoofed left-most addresses behind one trusted hop as one client', async () => {
    h = await startCascade({ TRUST_PROXY: 'true', RATE_CONNECTIONS_PER_IP_PER_MINUTE: '3' });
    const auth = { siteKey: h.demo.siteKey };
    const outcomes = [];
    for (let n = 0; n < 4; n++) {
      outcomes.push(await handshakeOutcome(h.url, auth, { 'x-forwarded-for': `spoof-${n}, 10.9.9.9` }));
    }
    expect(outcomes).toEqual(['connected', 'connected', 'connected', 'rate_limited']);
    expect(await handshakeOutcome(h.url, auth, { 'x-forwarded-for': 'spoof-4, 10.9.9.8' })).toBe('connected');
  });

  it('believes only listed proxies: a hop from elsewhere is the client', async () => {
    h = await startCascade({ TRUST_PROXY: '127.0.0.0/8, 10.0.0.1', RATE_CONNECTIONS_PER_IP_PER_MINUTE: '2' });
    const auth = { siteKey: h.demo.siteKey };
    // 10.9.9.9 is not a listed proxy, so what it claims to forward is not believed.
    const outcomes = [];
    for (let n = 0; n < 3; n++) {
      outcomes.push(await handshakeOutcome(h.url, auth, { 'x-forwarded-for': `198.51.100.${n}, 10.9.9.9` }));
    }
    expect(outcomes).toEqual(['connected', 'connected', 'rate_limited']);
    // Through the listed 10.0.0.1, the address it vouches for is the client.
    expect(await handshakeOutcome(h.url, auth, { 'x-forwarded-for': '198.51.100.9, 10.0.0.1' })).toBe('connected');
  });

  it('reads TRUST_PROXY as a hop count or a list of proxies, and refuses anything else', () => {
    const trust = (v: string) => loadConfig({ TRUST_PROXY: v }).TRUST_PROXY;
    expect(trust('false')).toBe(0);
    expect(trust('true')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, ::1')).toEqual(['10.0.0.0/8', '::1']);
    expect(() => trust('proxy.example')).toThrow(/TRUST_PROXY/);
  });
});

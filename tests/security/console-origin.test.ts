import { afterEach, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { TestClient } from '../support/clients.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** How an agent socket's handshake ends when a browser on `origin` opens it with the agent's cookie. */
async function agentHandshake(url: string, cookie: string, origin: string): Promise<string> {
  const client = new TestClient(`${url}/agent`, { extraHeaders: { cookie, origin }, reconnection: false });
  try {
    await client.connected();
    return 'connected';
  } catch (e) {
    return (e as Error).message;
  } finally {
    client.close();
  }
}

/** The headers of a raw Socket.IO long-polling handshake sent from `origin`. */
async function pollingHeaders(url: string, origin: string, cookie = ''): Promise<Headers> {
  const res = await fetch(`${url}/socket.io/?EIO=4&transport=polling`, {
    headers: { origin, ...(cookie ? { cookie } : {}) },
    signal: AbortSignal.timeout(10_000),
  });
  await res.text();
  return res.headers;
}

describe('the agent socket and CORS answer only the console’s origins', () => {
  it('refuses an agent socket from another origin, even with a valid session cookie', async () => {
    h = await startCascade({ CONSOLE_ORIGINS: 'https://ops.cedar.example' });
    const { cookie } = await h.login('omid@cedar.example');
    expect(await agentHandshake(h.url, cookie, 'https://evil.example')).toBe('origin_not_allowed');
    // A sibling origin (another port of the same host) is another origin.
    expect(await agentHandshake(h.url, cookie, 'http://127.0.0.1:1')).toBe('origin_not_allowed');
    expect(await agentHandshake(h.url, cookie, 'null')).toBe('origin_not_allowed');
    expect(await agentHandshake(h.url, cookie, h.url)).toBe('connected');
    expect(await agentHandshake(h.url, cookie, 'https://ops.cedar.example')).toBe('connected');
  });

  it('never reflects an arbitrary origin with credentials on the polling handshake', async () => {
    h = await startCascade({ CONSOLE_ORIGINS: 'https://ops.cedar.example' });
    const { cookie } = await h.login('omid@cedar.example');
    const foreign = await pollingHeaders(h.url, 'https://evil.example', cookie);
    expect(foreign.get('access-control-allow-origin')).toBe('*');
    expect(foreign.get('access-control-allow-credentials')).toBeNull();

    for (const origin of [h.url, 'https://ops.cedar.example']) {
      const own = await pollingHeaders(h.url, origin, cookie);
      expect(own.get('access-control-allow-origin')).toBe(origin);
      expect(own.get('access-control-allow-credentials')).toBe('true');
    }
  });

  it('keeps the widget’s namespace open to the site’s pages, without credentials', async () => {
    h = await startCascade();
    await h.configureSite({ allowedOrigins: ['https://shop.example'] });
    const widget = new TestClient(`${h.url}/visitor`, {
      auth: { siteKey: h.demo.siteKey },
      extraHeaders: { origin: 'https://shop.example' },
      reconnection: false,
    });
    await widget.connected();
    expect((await widget.request('hello', { after: null, page: null })).ok).toBe(true);
    widget.close();
    const headers = await pollingHeaders(h.url, 'https://shop.example');
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(headers.get('access-control-allow-credentials')).toBeNull();
  });
});

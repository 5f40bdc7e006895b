import { randomUUID } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatSummary } from '@cascade/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { journal } from '../support/browser.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, withTimeout } from '../support/waits.ts';
import { openChat, openDemo, sendMessage } from '../support/widget-page.ts';

const stage = serverAndBrowser();

/**
 * A corporate proxy as a visitor may sit behind: plain HTTP goes through to Cascade, a WebSocket
 * upgrade is refused. It keeps the Host header it was sent, so the demo page it serves names the
 * proxy as the chat server. It counts what it refused and the long-polling requests it forwarded.
 */
function refusingProxy(target: () => string) {
  const seen = { upgradesRefused: 0, pollingRequests: 0 };
  const server: Server = createServer((req, res) => {
    if (req.url?.includes('transport=polling')) seen.pollingRequests++;
    const forward = request(new URL(req.url ?? '/', target()), { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('upgrade', (_req, socket) => {
    seen.upgradesRefused++;
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  return { server, seen };
}

const proxy = refusingProxy(() => stage.h.url);
let proxyUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  proxy.server.closeAllConnections();
  await new Promise((resolve) => proxy.server.close(resolve));
});

it(
  'chats over HTTP long-polling when a proxy refuses WebSockets',
  async () => {
    const agent = await stage.h.newAgent({
      skills: [
        { skill: 'shipping', level: 1 },
        { skill: 'general', level: 1 },
      ],
      name: 'Omid',
    });
    const page = await openDemo(stage.browser, proxyUrl);
    const log = journal(page);
    try {
      await openChat(page);
      await page.getByRole('button', { name: 'Talk to a person' }).first().click();
      await sendMessage(page, 'Hello from behind the proxy');
      const chat = await withTimeout('the chat to reach the agent', agent.next<ChatSummary>('chat:assigned'));
      await page.getByText('Omid joined the chat.').waitFor();
      await agent.ok('chat:send', {
        conversationId: chat.conversation.id,
        clientMsgId: randomUUID(),
        text: 'Hello, I can read you',
      });
      await page.locator('.row:not(.me) .bubble', { hasText: 'Hello, I can read you' }).waitFor();
    } catch (e) {
      throw new Error(`${String(e)}\n${log()}`, { cause: e });
    }
    expect(proxy.seen.upgradesRefused).toBeGreaterThan(0);
    expect(proxy.seen.pollingRequests).toBeGreaterThan(0);
    await agent.ok('agent:status', { status: 'away' });
    agent.close();
    await page.context().close();
  },
  SCENARIO_TIMEOUT_MS,
);

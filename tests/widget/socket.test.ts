import { readFileSync } from 'node:fs';
import type { KbEntry } from '@cascade/shared';
import type { Page, WebSocketRoute } from 'playwright-core';
import { expect, it } from 'vitest';
import { serverAndBrowser } from '../support/stage.ts';
import { browserContext, SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS, waitUntil } from '../support/waits.ts';
import { openChat, sendMessage } from '../support/widget-page.ts';

const stage = serverAndBrowser();

const kb = JSON.parse(
  readFileSync(new URL('../../server/src/demo/knowledge-base.json', import.meta.url), 'utf8'),
) as KbEntry[];
const delivery = kb.find((e) => e.id === 'delivery-times')!.content.en!;

/**
 * The demo page with every WebSocket of the widget passed through a hand that sees each frame.
 * A socket opened after the first reaches the server only once `reopen()` is called, so that
 * the widget's reconnecting state lasts until the test has seen it.
 */
async function watchedDemo(): Promise<{
  page: Page;
  sockets: WebSocketRoute[];
  sent: string[];
  requests: string[];
  reopen: () => void;
}> {
  const page = await (await browserContext(stage.browser, { viewport: { width: 1280, height: 800 } })).newPage();
  const sockets: WebSocketRoute[] = [];
  const sent: string[] = [];
  const requests: string[] = [];
  let reopen = () => {};
  const reopened = new Promise<void>((resolve) => (reopen = resolve));
  page.on('request', (r) => requests.push(r.url()));
  await page.routeWebSocket(/\/socket\.io\//, async (ws) => {
    sockets.push(ws);
    if (sockets.length > 1) await reopened;
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      sent.push(String(message));
      server.send(message);
    });
  });
  await page.goto(`${stage.h.url}/demo`);
  return { page, sockets, sent, requests, reopen };
}

it(
  'speaks Socket.IO to the /visitor namespace over one WebSocket, with the site key, and fetches no long-polling',
  async () => {
    const { page, sockets, sent, requests } = await watchedDemo();
    await openChat(page);
    await sendMessage(page, delivery.question);
    await page.getByText(delivery.answer).waitFor();

    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.url()).toMatch(/\/socket\.io\/\?EIO=4&transport=websocket$/);
    const connect = sent[0] ?? '';
    expect(connect).toMatch(/^40\/visitor,\{/);
    expect(JSON.parse(connect.slice('40/visitor,'.length))).toMatchObject({ siteKey: stage.h.demo.siteKey });
    expect(sent[1]).toMatch(/^42\/visitor,0\["hello",/);
    expect(requests.filter((url) => url.includes('long-polling'))).toEqual([]);
    await page.context().close();
  },
  SCENARIO_TIMEOUT_MS,
);

it(
  'reopens a WebSocket the network drops, says hello again and carries on with the chat',
  async () => {
    const { page, sockets, sent, reopen } = await watchedDemo();
    await openChat(page);
    await sendMessage(page, 'Hello');
    await page.locator('.row.me .bubble', { hasText: 'Hello' }).waitFor();
    await waitUntil(
      'the first socket',
      () => sockets.length,
      (n) => n === 1,
    );

    await sockets[0]!.close({ code: 1006 });
    await page.getByText('Reconnecting…').waitFor();
    reopen();
    await waitUntil(
      'a second socket',
      () => sockets.length,
      (n) => n === 2,
    );
    await expect.poll(() => page.getByText('Reconnecting…').count(), { timeout: STEP_TIMEOUT_MS }).toBe(0);
    expect(sent.filter((frame) => /^42\/visitor,\d+\["hello",/.test(frame))).toHaveLength(2);

    await sendMessage(page, delivery.question);
    await page.getByText(delivery.answer).waitFor();
    expect(await page.locator('.row.me .bubble', { hasText: 'Hello' }).count()).toBe(1);
    await page.context().close();
  },
  SCENARIO_TIMEOUT_MS,
);

import { randomUUID } from 'node:crypto';
import type { ChatSummary, Message } from '@cascade/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { TestClient } from '../support/clients.ts';
import { demoAccounts, killAll, newPrefix, spawnServer, type ServerProcess } from '../support/processes.ts';
import { cleanKeys } from '../support/harness.ts';
import { login } from '../support/rest.ts';
import { composer, openChat, openDemo, sendMessage } from '../support/widget-page.ts';
import { SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS } from '../support/waits.ts';

const prefix = newPrefix();
let server: ServerProcess;
let browser: Browser;
let agent: TestClient | undefined;
beforeAll(async () => {
  [server, browser] = await Promise.all([spawnServer(prefix), launchChromium()]);
});
afterAll(async () => {
  agent?.close();
  await (browser as Browser | undefined)?.close();
  await killAll();
  await cleanKeys(prefix);
});

it(
  'rides out a server restart: "Reconnecting…", then every message typed meanwhile, once and in order',
  async () => {
    const lina = (await demoAccounts(prefix)).find((a) => a.email === 'lina@cedar.example')!;
    const { cookie } = await login(server.url, lina.email, lina.password);
    const socket = new TestClient(`${server.url}/agent`, { extraHeaders: { cookie } });
    agent = socket;
    await socket.connected();
    await socket.next('agent:status');

    const page = await openDemo(browser, server.url);
    await openChat(page);
    await sendMessage(page, 'Hello');
    await page.getByRole('button', { name: 'Talk to a person' }).first().click();
    const { conversation } = await socket.next<ChatSummary>('chat:assigned');
    await page.getByText('Lina Haddad joined the chat.').waitFor();

    await server.kill('SIGKILL');
    await page.getByText('Reconnecting…').waitFor();
    const typed = ['first while down', 'second while down', 'third while down'];
    for (const text of typed) {
      await composer(page).fill(text);
      await composer(page).press('Enter');
      await page.locator('.row.me .bubble', { hasText: text }).waitFor();
    }

    await server.restart();
    await expect.poll(() => page.getByText('Reconnecting…').count(), { timeout: STEP_TIMEOUT_MS }).toBe(0);

    // The agent's socket reconnects on its own; the stored stream holds each line once, in order.
    await socket.next('agent:status', () => true, 20_000);
    const visitorLines = async () => {
      const { messages } = await socket.ok<{ messages: Message[] }>('chat:sync', {
        conversationId: conversation.id,
        after: null,
      });
      return messages.filter((m) => m.author === 'visitor').map((m) => m.text);
    };
    await expect.poll(visitorLines, { timeout: STEP_TIMEOUT_MS }).toEqual(['Hello', ...typed]);

    // The agent answers after the restart and the visitor sees it, with each message shown once.
    await socket.ok('chat:send', {
      conversationId: conversation.id,
      clientMsgId: randomUUID(),
      text: 'All back, I see your three lines.',
    });
    await page.getByText('All back, I see your three lines.').waitFor();
    for (const text of typed) expect(await page.locator('.bubble', { hasText: text }).count()).toBe(1);
    await page.context().close();
  },
  SCENARIO_TIMEOUT_MS,
);

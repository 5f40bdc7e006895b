import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en as consoleEn } from '../../agent-console/src/locales/en.ts';
import { catalogue as en } from '../../widget/src/locales/en.ts';
import { catalogue as fa } from '../../widget/src/locales/fa.ts';
import { files as filesEn } from '../../widget/src/locales/files/en.ts';
import { files as filesFa } from '../../widget/src/locales/files/fa.ts';
import { assertConsoleBuilt, openConsole } from '../console/console-page.ts';
import { pdf, png } from '../files/uploads.ts';
import { startCascade } from '../support/harness.ts';
import { freePort } from '../support/processes.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { openChat, openDemo, sendMessage } from '../support/widget-page.ts';

// File links name PUBLIC_URL, so the server gets a port known before it starts.
const stage = serverAndBrowser({
  before: assertConsoleBuilt,
  start: async () => {
    const port = String(await freePort());
    return startCascade({ PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}` });
  },
});

/** A visitor in a chat with Lina, whose console is open: the chat is hers once the visitor asks for a person. */
async function chatWithAgent(question: string): Promise<{ visitor: Page; agent: Page }> {
  const agent = await openConsole(stage.browser, stage.h, 'lina@cedar.example');
  const visitor = await openDemo(stage.browser, stage.h.url);
  await openChat(visitor);
  // Asked before the first message, so that message goes straight to a person, whatever the bot would say.
  await visitor.getByRole('button', { name: en['human.ask'] }).click();
  await visitor.getByText(en['human.hint']).waitFor();
  await sendMessage(visitor, question);
  await agent.locator('.chat-item', { hasText: question }).or(agent.getByText(question)).first().waitFor();
  await agent.getByText(question).first().click();
  return { visitor, agent };
}

/** Pastes a file into the widget's text box, as the clipboard hands over a screenshot. */
async function pasteFile(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  await page.locator('.field textarea').evaluate(
    (area, { name, base64, type }) => {
      const data = new DataTransfer();
      const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      data.items.add(new File([raw], name, { type }));
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { name, base64: bytes.toString('base64'), type },
  );
}

const widgetInput = (page: Page) => page.getByLabel(en['composer.attach']);

/**
 * Resolves the chat, so that Lina's next one does not wait on her capacity for this one's
 * disconnect grace, then closes both pages.
 */
async function endChat(visitor: Page, agent: Page): Promise<void> {
  await agent.getByRole('button', { name: consoleEn['actions.resolve'] }).click();
  await agent.getByText(consoleEn['chat.closed.resolved']).waitFor();
  await visitor.context().close();
  await agent.context().close();
}

describe('attachments in the widget and the console', () => {
  it(
    'shows a screenshot the visitor pastes as a thumbnail to the agent',
    async () => {
      const { visitor, agent } = await chatWithAgent('My parcel arrived broken');
      await pasteFile(visitor, 'broken-box.png', await png(320, 240), 'image/png');

      // The visitor sees it sent; the agent sees the thumbnail, loaded, named by the file name.
      await visitor.getByRole('img', { name: 'broken-box.png' }).waitFor();
      const thumb = agent.getByRole('log').getByRole('img', { name: 'broken-box.png' });
      await thumb.waitFor();
      await expect
        .poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 20_000 })
        .toBeGreaterThan(0);
      // It opens full size: a link around it, reachable with the keyboard.
      const link = agent.getByRole('link', { name: 'broken-box.png' });
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('href')).toMatch(/\/files\/f_[\w-]{22}\//);
      await endChat(visitor, agent);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'lets the visitor download a PDF the agent sends, served as an attachment',
    async () => {
      const { visitor, agent } = await chatWithAgent('Can I have the invoice?');
      await agent.getByLabel(consoleEn['composer.attach']).setInputFiles({
        name: 'invoice.pdf',
        mimeType: 'application/pdf',
        buffer: pdf(),
      });
      await agent
        .getByRole('log')
        .getByRole('link', { name: /invoice\.pdf/ })
        .waitFor();

      const card = visitor.getByRole('link', { name: /invoice\.pdf/ });
      await card.waitFor();
      expect(await card.textContent()).toMatch(/PDF · \d+ byte/);
      const [download] = await Promise.all([visitor.waitForEvent('download'), card.click()]);
      expect(download.suggestedFilename()).toBe('invoice.pdf');
      expect((await download.failure()) ?? null).toBeNull();

      const response = await visitor.request.get((await card.getAttribute('href'))!);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
      expect(response.headers()['x-content-type-options']).toBe('nosniff');
      expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');

      // The panel with a thumbnail and a file card passes axe with no serious or critical finding.
      await widgetInput(visitor).setInputFiles({ name: 'label.png', mimeType: 'image/png', buffer: await png() });
      await visitor.getByRole('img', { name: 'label.png' }).waitFor();
      await visitor.addScriptTag({ content: axe.source });
      const violations = await visitor.evaluate(async () => {
        const run = (window as unknown as { axe: typeof axe }).axe.run;
        const result = await run({ include: [['cascade-widget']] }, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      await endChat(visitor, agent);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'ends with exactly one message when the connection drops during an upload and the visitor retries',
    async () => {
      const { visitor, agent } = await chatWithAgent('Here is a photo of the label');
      // The first upload reaches the server, but its answer is lost with the connection.
      const uploads: string[] = [];
      await visitor.route('**/api/visitor/files/**', async (route) => {
        uploads.push(new URL(route.request().url()).pathname);
        if (uploads.length > 1) return route.continue();
        await route.fetch();
        await route.abort('connectionreset');
      });
      await widgetInput(visitor).setInputFiles({ name: 'label.png', mimeType: 'image/png', buffer: await png() });
      await visitor.getByText(filesEn['file.failed']).waitFor();
      await visitor.getByRole('button', { name: filesEn['file.retry'] }).click();
      await visitor.getByRole('img', { name: 'label.png' }).waitFor();

      // The retry was the same upload, and the agent got one message with one file.
      expect(uploads).toHaveLength(2);
      expect(uploads[1]).toBe(uploads[0]);
      const log = agent.getByRole('log');
      await log.getByRole('img', { name: 'label.png' }).waitFor();
      expect(await log.getByRole('img', { name: 'label.png' }).count()).toBe(1);

      // After a reload the conversation, as the server keeps it, still holds it once.
      // (The panel stays open across page loads in a tab.)
      await visitor.reload();
      await visitor.getByRole('img', { name: 'label.png' }).waitFor();
      expect(await visitor.getByRole('img', { name: 'label.png' }).count()).toBe(1);
      await endChat(visitor, agent);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    "refuses a file whose bytes are not an allowed type, in the visitor's language, right to left",
    async () => {
      const visitor = await openDemo(stage.browser, stage.h.url);
      await visitor.evaluate(() => {
        const cascade = (window as unknown as { Cascade: (...args: unknown[]) => void }).Cascade;
        cascade('setLocale', 'fa');
        cascade('open');
      });
      await visitor.locator('.field textarea').fill('سلام');
      await visitor.locator('button.send').click();
      await visitor.locator('.row.me:not(.pending) .bubble', { hasText: 'سلام' }).waitFor();
      // A web page named like a picture: the server reads the bytes, not the name.
      await visitor.getByLabel(fa['composer.attach']).setInputFiles({
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: Buffer.from('<!doctype html><script>alert(1)</script>'),
      });
      await visitor.getByRole('alert').filter({ hasText: filesFa['file.type'] }).waitFor();
      expect(await visitor.locator('.panel').getAttribute('dir')).toBe('rtl');
      // Nothing was sent: the visitor can only remove it.
      expect(await visitor.getByRole('button', { name: filesFa['file.retry'] }).count()).toBe(0);
      await visitor.getByRole('button', { name: filesFa['file.remove'] }).click();
      await expect.poll(() => visitor.getByRole('alert').count(), { timeout: 20_000 }).toBe(0);
      await visitor.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

import type { CannedReply, Message } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { restClient } from '../support/rest.ts';
import { assertConsoleBuilt, openConsole, showsText, untilOnline } from './console-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { STEP_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

const ENGLISH = 'Thank you for waiting, I am on it.';
const PERSIAN = 'ممنون از صبر شما، در حال بررسی هستم.';

describe('canned replies', () => {
  it('are written by an admin and inserted by an agent with /shortcut, in the chat’s language first', async () => {
    const admin = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/settings' });
    const panel = admin.getByRole('region', { name: 'Canned replies' });
    for (const [language, text] of [
      ['English', ENGLISH],
      ['فارسی', PERSIAN],
    ] as const) {
      await panel.getByRole('textbox', { name: 'Shortcut' }).fill('/thanks');
      await panel.getByRole('combobox', { name: 'Language' }).selectOption({ label: language });
      await panel.getByRole('textbox', { name: 'Reply' }).fill(text);
      await panel.getByRole('button', { name: 'Save canned reply' }).click();
      await showsText(panel.getByRole('table'), text);
    }

    const lina = await stage.h.login('lina@cedar.example');
    const asAgent = restClient(stage.h.url, lina);
    const listed = await asAgent.get<{ replies: CannedReply[] }>(`/api/canned?siteId=${stage.h.demo.siteId}`);
    expect(listed.body.replies.map((r) => `${r.language}:${r.shortcut}`)).toEqual(['en:thanks', 'fa:thanks']);
    const refused = await asAgent.post(`/api/canned?siteId=${stage.h.demo.siteId}`, {
      shortcut: 'x',
      language: 'en',
      text: 'x',
    });
    expect(refused.status).toBe(403);

    const watcher = await stage.h.agent('admin@cedar.example');
    const page = await openConsole(stage.browser, stage.h, 'lina@cedar.example');
    await untilOnline(watcher, 'Lina Haddad');
    const visitor = await stage.h.visitor({ locale: 'fa' });
    await visitor.ok('conversation:escalate', {});
    await page.getByRole('list', { name: 'My chats' }).getByRole('listitem').first().waitFor();

    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.pressSequentially('/tha');
    const options = page.getByRole('listbox', { name: 'Canned replies' }).getByRole('option');
    // The replies load while the chat opens: wait for the list rather than reading it once.
    await expect
      .poll(() => options.allTextContents(), { timeout: STEP_TIMEOUT_MS })
      .toEqual([`/thanksfa${PERSIAN}`, `/thanksen${ENGLISH}`]);
    await page.locator('.chat-view').screenshot({ path: screenshotPath('console-canned-replies') });
    await composer.press('Enter');
    expect(await composer.inputValue()).toBe(PERSIAN);
    await composer.press('Enter');
    const sent = await visitor.next<Message>('message:new', (m) => m.author === 'agent');
    expect(sent.text).toBe(PERSIAN);

    await composer.pressSequentially('/th');
    await composer.press('ArrowDown');
    await composer.press('Tab');
    expect(await composer.inputValue()).toBe(ENGLISH);
    await composer.pressSequentially(' /th');
    await composer.press('Escape');
    expect(await page.getByRole('listbox', { name: 'Canned replies' }).count()).toBe(0);
    expect(await composer.inputValue()).toBe(`${ENGLISH} /th`);

    visitor.close();
    watcher.close();
  });
});

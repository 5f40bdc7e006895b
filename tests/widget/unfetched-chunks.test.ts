import { readFileSync } from 'node:fs';
import type { KbEntry } from '@cascade/shared';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { composer, openChat, openDemo, sendMessage } from '../support/widget-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser();

const kb = JSON.parse(
  readFileSync(new URL('../../server/src/demo/knowledge-base.json', import.meta.url), 'utf8'),
) as KbEntry[];
const delivery = kb.find((e) => e.id === 'delivery-times')!.content.en!;

/** Refuses the widget's chunk matching `glob`, as a dropped connection would, until `allow()`. */
async function refuse(page: Page, glob: string): Promise<{ allow(): void }> {
  let refused = true;
  await page.route(glob, (route) => (refused ? route.abort('internetdisconnected') : route.continue()));
  return { allow: () => (refused = false) };
}

it(
  'draws the panel in English while the Arabic strings cannot be fetched, and in Arabic once they can',
  async () => {
    const page = await openDemo(stage.browser, stage.h.url);
    const arabic = await refuse(page, '**/widget/ar-*.js');
    await page.evaluate(() => {
      const cascade = (window as unknown as { Cascade: (...args: unknown[]) => void }).Cascade;
      cascade('setLocale', 'ar');
      cascade('open');
    });
    await composer(page).waitFor();
    expect(await page.locator('.panel').getAttribute('lang')).toBe('en');

    arabic.allow();
    await page.getByPlaceholder('اكتب رسالة…').waitFor();
    await expect.poll(() => page.locator('.panel').getAttribute('lang'), { timeout: STEP_TIMEOUT_MS }).toBe('ar');
    await page.context().close();
  },
  SCENARIO_TIMEOUT_MS,
);

it(
  'says so with Retry where a part cannot be fetched, and draws the part once it can',
  async () => {
    const page = await openDemo(stage.browser, stage.h.url);
    const offer = await refuse(page, '**/widget/TicketOffer-*.js');
    await openChat(page);
    await sendMessage(page, delivery.question);
    await page.getByText(delivery.answer).waitFor();
    await page.getByRole('button', { name: 'Talk to a person' }).first().click();
    const alert = page.getByRole('alert').filter({ hasText: 'Something went wrong. Try again.' });
    await alert.getByRole('button', { name: 'Retry' }).waitFor();

    offer.allow();
    await page.getByLabel('Email').waitFor();
    expect(await alert.count()).toBe(0);
    await page.context().close();
  },
  SCENARIO_TIMEOUT_MS,
);

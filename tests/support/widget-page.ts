import { readFileSync } from 'node:fs';
import type { KbEntry, Locale } from '@cascade/shared';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { browserContext } from './waits.ts';

const kb = JSON.parse(
  readFileSync(new URL('../../server/src/demo/knowledge-base.json', import.meta.url), 'utf8'),
) as KbEntry[];
/** The demo's delivery question, which the bot knows in every language (its skill is shipping). */
const delivery = kb.find((e) => e.id === 'delivery-times')!;

/** A visitor's tab on the demo page, in its own browser context (own storage, so its own visitor). */
export async function openDemo(browser: Browser, url: string, context: BrowserContextOptions = {}): Promise<Page> {
  const ctx = await browserContext(browser, { viewport: { width: 1280, height: 800 }, ...context });
  const page = await ctx.newPage();
  await page.goto(`${url}/demo`);
  return page;
}

/** Opens the chat panel from the launcher and waits for the text box. */
export async function openChat(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open chat' }).click();
  await page.getByPlaceholder('Write a message…').waitFor();
}

export function composer(page: Page): Locator {
  return page.getByPlaceholder('Write a message…');
}

/** Types a message and sends it with the Send button. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

/**
 * A visitor in Tehran (UTC+3:30 all year, so times shown must be in their zone, not the site's)
 * who asks the bot something it knows in their language: "Talk to a person" then sits under the answer.
 */
export async function visitorAfterAnswer(browser: Browser, url: string, locale: Locale): Promise<Page> {
  const page = await openDemo(browser, url, { timezoneId: 'Asia/Tehran' });
  await openChat(page);
  await page.evaluate((l) => {
    (window as unknown as { Cascade: (...args: unknown[]) => void }).Cascade('setLocale', l);
  }, locale);
  const content = delivery.content[locale] ?? delivery.content.en!;
  await page.locator('.field textarea').fill(content.question);
  await page.locator('button.send').click();
  await page.locator('.row:not(.me) .bubble', { hasText: content.answer }).waitFor();
  return page;
}

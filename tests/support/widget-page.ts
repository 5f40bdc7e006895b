import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { browserContext } from './waits.ts';

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

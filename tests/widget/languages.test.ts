import { readFileSync } from 'node:fs';
import type { KbEntry, Locale } from '@cascade/shared';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { openDemo } from '../support/widget-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { STEP_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser();

const kb = JSON.parse(
  readFileSync(new URL('../../server/src/demo/knowledge-base.json', import.meta.url), 'utf8'),
) as KbEntry[];
const delivery = kb.find((e) => e.id === 'delivery-times')!;

const viewports = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

/** Opens the panel in a language and asks the delivery question in it, so the bot answers in it too. */
async function chatIn(page: Page, locale: Locale): Promise<{ question: string; answer: string }> {
  const content = delivery.content[locale] ?? delivery.content.en!;
  await page.evaluate((l) => {
    const cascade = (window as unknown as { Cascade: (...args: unknown[]) => void }).Cascade;
    cascade('setLocale', l);
    cascade('open');
  }, locale);
  await page.locator('.field textarea').fill(content.question);
  await page.locator('button.send').click();
  await page.locator('.row:not(.me) .bubble', { hasText: content.answer }).waitFor();
  return content;
}

describe.each(['en', 'ar', 'fa'] as const)('the panel in %s', (locale) => {
  const rtl = locale !== 'en';

  it.each(Object.keys(viewports) as (keyof typeof viewports)[])(
    'lays out on %s',
    async (size) => {
      const page = await openDemo(stage.browser, stage.h.url, viewports[size]);
      const { question, answer } = await chatIn(page, locale);
      const panel = page.locator('.panel');
      await expect.poll(() => panel.getAttribute('dir'), { timeout: STEP_TIMEOUT_MS }).toBe(rtl ? 'rtl' : 'ltr');
      await expect.poll(() => panel.getAttribute('lang'), { timeout: STEP_TIMEOUT_MS }).toBe(locale);

      // The empty text box (its placeholder) reads in the panel's direction.
      await expect
        .poll(() => page.locator('.field textarea').evaluate((el) => getComputedStyle(el).direction), {
          timeout: STEP_TIMEOUT_MS,
        })
        .toBe(rtl ? 'rtl' : 'ltr');

      // The send button sits at the end of the line: right in English, left in Arabic and Persian.
      const send = await box(page.locator('button.send'));
      const field = await box(page.locator('.field textarea'));
      if (rtl) expect(send.x + send.width).toBeLessThanOrEqual(field.x);
      else expect(send.x).toBeGreaterThanOrEqual(field.x + field.width);

      // The visitor's messages sit at the end side, the bot's at the start side.
      const mine = await box(page.locator('.row.me .bubble', { hasText: question }));
      const bot = await box(page.locator('.row:not(.me) .bubble', { hasText: answer }));
      if (rtl) {
        expect(mine.x).toBeLessThan(bot.x);
        expect(mine.x + mine.width).toBeLessThan(bot.x + bot.width);
      } else {
        expect(mine.x).toBeGreaterThan(bot.x);
        expect(mine.x + mine.width).toBeGreaterThan(bot.x + bot.width);
      }

      const time = (await page.locator('.row.me .meta').first().textContent()) ?? '';
      // Digits chosen per language: Persian ۰–۹, Arabic-Indic ٠–٩, Latin for English.
      if (locale === 'fa') {
        expect(time).toMatch(/[۰-۹]/);
        expect(time).not.toMatch(/[0-9٠-٩]/);
      }
      if (locale === 'ar') {
        expect(time).toMatch(/[٠-٩]/);
        expect(time).not.toMatch(/[0-9۰-۹]/);
      }
      if (locale === 'en') {
        expect(time).toMatch(/[0-9]/);
        expect(time).not.toMatch(/[٠-٩۰-۹]/);
      }

      if (size === 'phone') {
        const whole = await box(panel);
        expect(whole).toEqual({ x: 0, y: 0, width: 375, height: 667 });
      }
      await page.screenshot({ path: screenshotPath(`widget-${locale}-${size}`) });
      await page.context().close();
    },
    30_000,
  );
});

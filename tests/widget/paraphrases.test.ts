import { readFileSync } from 'node:fs';
import type { KbEntry, Locale } from '@cascade/shared';
import { describe, it } from 'vitest';
import { openDemo } from '../support/widget-page.ts';
import { serverAndBrowser } from '../support/stage.ts';

const stage = serverAndBrowser();

const kb = JSON.parse(
  readFileSync(new URL('../../server/src/demo/knowledge-base.json', import.meta.url), 'utf8'),
) as KbEntry[];

/** Questions written here in other words than any question or phrasing of the demo knowledge base. */
const asked: Record<Locale, [string, string][]> = {
  en: [
    ['I forgot my password and cannot log in', 'password-reset'],
    ['what cards can I pay with', 'payment-methods'],
  ],
  ar: [
    ['كم يوم يستغرق وصول طلبي', 'delivery-times'],
    ['نسيت كلمة السر ولا أستطيع الدخول', 'password-reset'],
  ],
  fa: [
    ['چند روز طول می‌کشد تا سفارشم برسد', 'delivery-times'],
    ['رمزم را فراموش کردم', 'password-reset'],
  ],
};

describe.each(['en', 'ar', 'fa'] as const)('the demo bot in %s', (locale) => {
  it('answers questions asked in other words than its knowledge base', async () => {
    const page = await openDemo(stage.browser, stage.h.url);
    await page.evaluate((l) => {
      const cascade = (window as unknown as { Cascade: (...args: unknown[]) => void }).Cascade;
      cascade('setLocale', l);
      cascade('open');
    }, locale);
    for (const [question, entryId] of asked[locale]) {
      const content = kb.find((e) => e.id === entryId)!.content[locale]!;
      const known = [content.question, ...content.phrasings];
      if (known.includes(question)) throw new Error(`"${question}" is in the knowledge base: write another`);
      await page.locator('.field textarea').fill(question);
      await page.locator('button.send').click();
      // The first line of the answer is plain text in every entry (links come later).
      await page.locator('.row:not(.me) .bubble', { hasText: content.answer.split('\n')[0]!.slice(0, 40) }).waitFor();
    }
    await page.context().close();
  });
});

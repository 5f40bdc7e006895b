import type { Locale } from '@cascade/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../agent-console/src/locales/ar.ts';
import { en, type MessageKey } from '../../agent-console/src/locales/en.ts';
import { fa } from '../../agent-console/src/locales/fa.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { assertConsoleBuilt, openConsole } from './console-page.ts';
import { namedVisitor } from './scenario.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

beforeAll(async () => {
  // Chats wait to be picked, so the waiting line shows its count and each chat's wait.
  await stage.h.configureSite({ assignment: 'pick' });
});

const cases: Record<
  Locale,
  { c: Readonly<Record<MessageKey, string>>; digits: RegExp; others: RegExp; dir: 'ltr' | 'rtl'; visitor: string }
> = {
  en: { c: en, digits: /[0-9]/u, others: /[٠-٩۰-۹]/u, dir: 'ltr', visitor: 'Grace Hill' },
  ar: { c: ar, digits: /[٠-٩]/u, others: /[0-9۰-۹]/u, dir: 'rtl', visitor: 'Huda Salem' },
  fa: { c: fa, digits: /[۰-۹]/u, others: /[0-9٠-٩]/u, dir: 'rtl', visitor: 'Parisa Kamali' },
};

describe.each(['en', 'ar', 'fa'] as const)('the console in %s', (locale) => {
  const { c, digits, others, dir, visitor } = cases[locale];

  it(
    'writes a count, a wait and a time in the locale’s digits, and shows the empty composer in the page’s direction',
    async () => {
      const { h, browser } = stage;
      const page = await openConsole(browser, h, 'lina@cedar.example', { locale, hash: '#/chats' });
      const guest = await namedVisitor(h, visitor);
      await guest.ok('conversation:escalate', {});

      const waiting = page.locator('.waiting-group li', { hasText: visitor });
      const count = page.locator('.inbox-section', { has: page.locator('.waiting-groups') }).locator('.count');
      await waiting.waitFor();
      const readings = {
        count: (await count.textContent()) ?? '',
        wait: (await waiting.locator('.waited').textContent()) ?? '',
      };
      await waiting.getByRole('button', { name: c['inbox.pick'] }).click();
      const time =
        (await page.locator('.chat-item', { hasText: visitor }).locator('.chat-item-time').textContent()) ?? '';
      for (const text of [readings.count, readings.wait, time]) {
        expect(text, text).toMatch(digits);
        expect(text, text).not.toMatch(others);
      }

      // Empty, the reply box reads in the page's direction; typed text sets its own.
      const composer = page.getByRole('textbox', { name: c['composer.label'] });
      expect(await composer.evaluate((el) => getComputedStyle(el).direction)).toBe(dir);
      await composer.fill('Hello');
      expect(await composer.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');

      guest.close();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { fa } from '../../agent-console/src/locales/fa.ts';
import { assertConsoleBuilt, openConsole } from './console-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

/** What the widget reports when a bubble is shown, opened, or opened into a chat. */
async function report(rule: string, step: 'shown' | 'opened' | 'chatted'): Promise<void> {
  const res = await fetch(`${stage.h.url}/api/widget/proactive`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({ siteKey: stage.h.demo.siteKey, rule, step }),
  });
  expect(res.status).toBe(204);
}

// Saving a site writes only the fields it has, so "no rules" is an empty list, not a missing field.
const none = { rules: [], visitorEveryHours: 0 };
const section = (page: Page, c: Record<keyof typeof en, string>) =>
  page.getByRole('region', { name: c['proactive.title'] });

describe('proactive messages in the console', () => {
  it.each([
    ['en', en],
    ['fa', fa],
  ] as const)(
    'adds a rule, saves it, and finds it again after a reload (%s)',
    async (locale, c) => {
      await stage.h.configureSite({ proactive: none });
      const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/settings', locale });
      const panel = section(page, c);
      await panel.getByText(c['proactive.none']).waitFor();
      await panel.getByRole('button', { name: c['proactive.add'] }).click();
      const rule = panel.getByRole('group', { name: c['proactive.rule'].replace('{n}', locale === 'fa' ? '۱' : '1') });
      await rule.getByLabel(c['proactive.name']).fill('pricing-help');
      await rule.getByLabel(c['proactive.message'].replace('{language}', 'English')).fill('Questions about plans?');
      await rule.getByLabel(c['proactive.message'].replace('{language}', 'فارسی')).fill('دربارهٔ طرح‌ها سؤالی دارید؟');
      await rule.getByRole('combobox', { name: c['proactive.pathMatch'] }).selectOption('prefix');
      await rule.getByLabel(c['proactive.pathValue'], { exact: true }).fill('/pricing');
      await rule.getByLabel(c['proactive.seconds']).fill('5');
      await rule.getByLabel(c['proactive.everyHours'], { exact: true }).fill('12');
      await panel.getByRole('button', { name: c['proactive.save'] }).click();
      await panel.getByText(c['proactive.saved']).waitFor();
      const stored = (await stage.h.cascade.sites.get(stage.h.demo.siteId))?.proactive;
      expect(stored?.rules).toEqual([
        {
          name: 'pricing-help',
          enabled: true,
          message: { en: 'Questions about plans?', fa: 'دربارهٔ طرح‌ها سؤالی دارید؟' },
          conditions: { path: { match: 'prefix', value: '/pricing' }, secondsOnPage: 5 },
          everyHours: 12,
        },
      ]);

      await page.reload();
      const again = section(page, c);
      await expect.poll(() => again.getByLabel(c['proactive.name']).inputValue()).toBe('pricing-help');
      expect(await again.getByLabel(c['proactive.pathValue'], { exact: true }).inputValue()).toBe('/pricing');
      expect(await again.getByLabel(c['proactive.everyHours'], { exact: true }).inputValue()).toBe('12');
      await stage.h.configureSite({ proactive: none });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'counts shown, opened and chatted per rule on the dashboard',
    async () => {
      await stage.h.configureSite({
        proactive: {
          visitorEveryHours: 0,
          rules: [
            {
              name: 'pricing-help',
              enabled: true,
              message: { en: 'Questions about plans?' },
              conditions: {},
              everyHours: 24,
            },
            { name: 'never-shown', enabled: true, message: { en: 'Hello' }, conditions: {}, everyHours: 24 },
          ],
        },
      });
      for (const step of ['shown', 'shown', 'shown', 'opened', 'opened', 'chatted'] as const) {
        await report('pricing-help', step);
      }
      const page = await openConsole(stage.browser, stage.h, 'sara@cedar.example', {
        hash: '#/dashboard',
        height: 1300,
      });
      const table = page.getByRole('table', { name: en['proactive.counts'] });
      await table.waitFor();
      const cells = await table
        .getByRole('row')
        .evaluateAll((rows) => rows.map((r) => [...r.children].map((cell) => cell.textContent.trim())));
      // A rule nothing has happened to stays out of the table.
      expect(cells).toEqual([
        [en['proactive.colRule'], en['proactive.colShown'], en['proactive.colOpened'], en['proactive.colChatted']],
        ['pricing-help', '3', '2', '1'],
      ]);
      await stage.h.configureSite({ proactive: none });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

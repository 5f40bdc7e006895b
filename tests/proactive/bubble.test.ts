import type { ProactiveCounts, ProactiveRule } from '@cascade/shared';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { restClient } from '../support/rest.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { openDemo, sendMessage } from '../support/widget-page.ts';
import { SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS, waitUntil } from '../support/waits.ts';

const stage = serverAndBrowser();

const SECONDS_ON_PAGE = 2;
const welcome: ProactiveRule = {
  name: 'welcome',
  enabled: true,
  message: { en: 'Need a hand choosing?', ar: 'هل تحتاج إلى مساعدة في الاختيار؟', fa: 'برای انتخاب کمک می‌خواهید؟' },
  conditions: { path: { match: 'prefix', value: '/demo' }, secondsOnPage: SECONDS_ON_PAGE },
  everyHours: 24,
};
const checkout: ProactiveRule = {
  name: 'checkout',
  enabled: true,
  message: { en: 'Stuck at checkout? We can help.' },
  conditions: {},
  everyHours: 24,
  manual: true,
};

/** The invitation bubble in the widget's shadow root (Playwright's locators pierce it). */
const bubble = (page: Page) => page.locator('cascade-widget .invite');

async function counts(): Promise<ProactiveCounts['rules']> {
  const admin = restClient(stage.h.url, await stage.h.login('admin@cedar.example'));
  const res = await admin.get<ProactiveCounts>(`/api/sites/proactive/counts?siteId=${stage.h.demo.siteId}`);
  return res.body.rules;
}
const countOf = async (rule: string) => (await counts()).find((c) => c.rule === rule);

describe('proactive invitations in the widget', () => {
  beforeAll(async () => {
    await stage.h.configureSite({ proactive: { rules: [welcome, checkout], visitorEveryHours: 0 } });
  });

  it(
    'shows a rule once after its time on the page, and not again after a reload within its cap',
    async () => {
      const page = await openDemo(stage.browser, stage.h.url);
      await bubble(page).getByRole('button', { name: 'Need a hand choosing?' }).waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await page.evaluate(() => performance.now())).toBeGreaterThanOrEqual(SECONDS_ON_PAGE * 1000);
      await waitUntil(
        'the bubble counted as shown',
        () => countOf('welcome'),
        (c) => c?.shown === 1,
      );

      await bubble(page).getByRole('button', { name: 'Dismiss message' }).click();
      await expect.poll(() => bubble(page).count(), { timeout: STEP_TIMEOUT_MS }).toBe(0);

      await page.reload();
      // The bubble's chunk has counted this page, and the rule's time on the page has passed.
      await page.waitForFunction(
        (ms) => performance.now() > ms && Object.keys(sessionStorage).some((k) => k.endsWith(':pages')),
        SECONDS_ON_PAGE * 1000 + 1000,
        { timeout: STEP_TIMEOUT_MS },
      );
      await page.getByRole('button', { name: 'Open chat' }).waitFor();
      expect(await bubble(page).count()).toBe(0);
      expect((await countOf('welcome'))?.shown).toBe(1);
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'fires a rule from the page with Cascade("trigger"), opens the chat on a click and counts the chat',
    async () => {
      const page = await openDemo(stage.browser, stage.h.url, {});
      // Called before the loader has even run: the stub queues it until the bubble is there.
      await page.context().addInitScript(() => {
        const w = window as unknown as { Cascade: ((...args: unknown[]) => void) & { q?: unknown[] } };
        w.Cascade = (...args: unknown[]) => void (w.Cascade.q = w.Cascade.q ?? []).push(args);
        w.Cascade('trigger', 'checkout');
      });
      await page.reload();
      const invite = bubble(page).getByRole('button', { name: 'Stuck at checkout? We can help.' });
      await invite.waitFor({ timeout: STEP_TIMEOUT_MS });
      await invite.click();
      await page.getByPlaceholder('Write a message…').waitFor({ timeout: STEP_TIMEOUT_MS });
      await waitUntil(
        'the bubble counted as opened',
        () => countOf('checkout'),
        (c) => c?.opened === 1,
      );

      await sendMessage(page, 'Where is my parcel?');
      await waitUntil(
        'the invitation counted as chatted',
        () => countOf('checkout'),
        (c) => c?.chatted === 1,
      );
      expect(await countOf('checkout')).toEqual({ rule: 'checkout', shown: 1, opened: 1, chatted: 1 });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'speaks Persian right to left to a Persian visitor, with no serious or critical axe finding',
    async () => {
      const page = await openDemo(stage.browser, stage.h.url, { locale: 'fa-IR' });
      const invite = bubble(page);
      await invite.getByRole('button', { name: 'برای انتخاب کمک می‌خواهید؟' }).waitFor({ timeout: STEP_TIMEOUT_MS });
      expect(await invite.getAttribute('dir')).toBe('rtl');
      expect(await invite.getAttribute('lang')).toBe('fa');
      await invite.getByRole('button', { name: 'بستن پیام' }).waitFor();

      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const run = (window as unknown as { axe: typeof axe }).axe.run;
        const result = await run({ include: [['cascade-widget']] }, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null }));
      });
      const scanned = await page.evaluate(async () => {
        const run = (window as unknown as { axe: typeof axe }).axe.run;
        const result = await run({ include: [['cascade-widget']] }, { resultTypes: ['passes'] });
        return result.passes
          .flatMap((p) => p.nodes.map((n) => JSON.stringify(n.target)))
          .filter((t) => t.includes('.invite')).length;
      });
      // The scan did reach the bubble inside the shadow root.
      expect(scanned).toBeGreaterThan(0);
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

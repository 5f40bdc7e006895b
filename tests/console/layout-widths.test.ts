import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { en } from '../../agent-console/src/locales/en.ts';
import { fa } from '../../agent-console/src/locales/fa.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { assertConsoleBuilt, openConsole } from './console-page.ts';
import { askBot, namedVisitor } from './scenario.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });
const HEIGHT = 900;
const catalogs = { en, fa };

/** The element's whole box is on screen: nothing cut at any edge. */
async function expectInViewport(page: Page, locator: Locator, what: string): Promise<void> {
  await locator.waitFor();
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, what).not.toBeNull();
  if (!box) return;
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(width);
  expect(box.y + box.height, `${what}: bottom edge`).toBeLessThanOrEqual(HEIGHT);
}

async function expectNoSideScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** The header's account actions, opening its menu first when the header is collapsed into one. */
async function accountAction(page: Page, name: string, menu: string): Promise<Locator> {
  const toggle = page.getByRole('button', { name: menu, exact: true });
  if (await toggle.isVisible()) await toggle.click();
  return page.getByRole('button', { name, exact: true });
}

describe.each(['en', 'fa'] as const)('the console at 768 and 1280 px, in %s', (locale) => {
  const c = catalogs[locale];

  it.each([768, 1280])(
    'keeps every header and knowledge-base action on screen at %i px, without sideways scrolling',
    async (width) => {
      const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', {
        locale,
        hash: '#/kb',
        width,
        height: HEIGHT,
      });
      await expectInViewport(page, page.getByRole('button', { name: c['kb.new'], exact: true }), 'New entry');
      await expectNoSideScroll(page);
      const everywhere = await accountAction(page, c['header.logoutEverywhere'], c['header.menu']);
      await expectInViewport(page, everywhere, 'Log out everywhere');
      const languages = page.getByRole('button', { name: c['header.languages'], exact: true });
      await expectInViewport(page, languages, 'My languages');
      await expectNoSideScroll(page);
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it.each([768, 1280])(
    'keeps Transfer and Send on screen in an open chat at %i px, without sideways scrolling',
    async (width) => {
      const page = await openConsole(stage.browser, stage.h, 'lina@cedar.example', { locale, width, height: HEIGHT });
      const name = `Rami Aziz ${locale} ${width}`;
      const visitor = await namedVisitor(stage.h, name);
      await askBot(visitor, 'Where is my order?');
      await visitor.ok('conversation:escalate', {});
      await page.locator('.chat-item', { hasText: name }).click();
      await expectInViewport(page, page.getByRole('button', { name: c['actions.transfer'], exact: true }), 'Transfer');
      await expectInViewport(page, page.getByRole('button', { name: c['composer.send'], exact: true }), 'Send');
      await expectNoSideScroll(page);
      await page.getByRole('button', { name: c['actions.resolve'], exact: true }).click();
      visitor.close();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

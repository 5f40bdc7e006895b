import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { journal, screenshotPath } from '../support/browser.ts';
import { openChat } from '../support/widget-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { STEP_TIMEOUT_MS, browserContext } from '../support/waits.ts';

const stage = serverAndBrowser();

const hostile = `<style>
* { all: unset !important; }
html { font-size: 40px !important; }
button { display: none !important; }
div { color: red !important; background: black !important; }
</style>`;

const RADIUS = 16;

/** What a few of the panel's elements look like, as the browser computed them. */
function looks(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('cascade-widget')!.shadowRoot!;
    const pick = (selector: string) => {
      const el = root.querySelector(selector)!;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        selector,
        box: [r.x, r.y, r.width, r.height],
        style: [s.display, s.color, s.backgroundColor, s.fontSize, s.fontFamily, s.padding, s.borderRadius],
      };
    };
    return ['.panel', '.body', '.bubble', 'textarea', 'button.send', '.composer'].map(pick);
  });
}

/** The demo page, as served or with the hostile CSS, with the panel open and the site's greeting in. */
async function openPanel(path: string): Promise<Page> {
  const page = await (await browserContext(stage.browser, { viewport: { width: 1280, height: 800 } })).newPage();
  if (path !== '/demo') {
    const original = await (await fetch(`${stage.h.url}/demo`)).text();
    await page.route(`${stage.h.url}${path}`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: original.replace('</head>', `${hostile}</head>`),
      }),
    );
  }
  const story = journal(page);
  await page.goto(`${stage.h.url}${path}`);
  await openChat(page);
  // The site's own greeting arrives with its configuration and with the server's hello.
  try {
    await page.locator('.bubble', { hasText: 'Ask me anything' }).waitFor({ timeout: 60_000 });
  } catch (e) {
    const panel = await page.evaluate(() => document.querySelector('cascade-widget')?.shadowRoot?.textContent ?? '');
    throw new Error(`no greeting on ${path}; the panel says: ${panel}\n${story()}`, { cause: e });
  }
  return page;
}

it('looks the same on a page whose CSS tries to restyle everything', async () => {
  const plain = await openPanel('/demo');
  const hostilePage = await openPanel('/demo-hostile');
  // The hostile rules did reach the page itself.
  expect(await hostilePage.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('40px');

  await expect.poll(() => looks(hostilePage), { timeout: STEP_TIMEOUT_MS }).toEqual(await looks(plain));
  // The panel without its rounded corners, where the page behind shows through.
  const box = await plain.locator('.panel').boundingBox();
  const clip = { x: box!.x + RADIUS, y: box!.y, width: box!.width - 2 * RADIUS, height: box!.height };
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: screenshotPath(name), clip, animations: 'disabled', caret: 'hide' });
  // Polled: both panels must have settled (connected, greeted) before their pixels can match.
  await expect
    .poll(
      async () =>
        (await shot(hostilePage, 'widget-isolation-hostile')).equals(await shot(plain, 'widget-isolation-plain')),
      { timeout: 2 * STEP_TIMEOUT_MS },
    )
    .toBe(true);
  await plain.context().close();
  await hostilePage.context().close();
}, 150_000);

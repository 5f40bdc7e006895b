import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openDemo } from '../support/widget-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS, browserContext } from '../support/waits.ts';

const stage = serverAndBrowser();

/** Where keyboard focus is inside the widget: the launcher, inside the panel, or elsewhere. */
function focusIn(page: Page): Promise<{ where: 'launcher' | 'panel' | 'outside'; tag: string }> {
  return page.evaluate(() => {
    const root = document.querySelector('cascade-widget')!.shadowRoot!;
    const active = root.activeElement;
    if (!active || document.activeElement !== root.host)
      return { where: 'outside' as const, tag: document.activeElement?.localName ?? '' };
    if (active.classList.contains('launcher')) return { where: 'launcher' as const, tag: active.localName };
    return {
      where: root.querySelector('.panel')!.contains(active) ? ('panel' as const) : ('outside' as const),
      tag: active.localName,
    };
  });
}

it(
  'works with the keyboard alone: open, write, send, stay inside, close back to the launcher',
  async () => {
    const page = await openDemo(stage.browser, stage.h.url);
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    for (let i = 0; i < 30 && (await focusIn(page)).where !== 'launcher'; i += 1) await page.keyboard.press('Tab');
    expect((await focusIn(page)).where).toBe('launcher');

    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await expect.poll(() => focusIn(page), { timeout: STEP_TIMEOUT_MS }).toEqual({ where: 'panel', tag: 'textarea' });
    await page.keyboard.type('How long does delivery take?');
    await page.keyboard.press('Enter');
    await page.locator('.row.me .bubble', { hasText: 'How long does delivery take?' }).waitFor();
    await page.getByRole('button', { name: 'That helped' }).waitFor();

    // New messages are announced politely.
    expect(await page.getByRole('log').count()).toBe(1);
    expect(await page.locator('[role="log"], [aria-live]').count()).toBeGreaterThan(0);

    const visited = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press(i < 8 ? 'Tab' : 'Shift+Tab');
      const focus = await focusIn(page);
      expect(focus.where).toBe('panel');
      visited.add(focus.tag);
    }
    expect([...visited]).toEqual(expect.arrayContaining(['button', 'textarea', 'a']));

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').isVisible(), { timeout: STEP_TIMEOUT_MS }).toBe(false);
    await expect.poll(() => focusIn(page), { timeout: STEP_TIMEOUT_MS }).toEqual({ where: 'launcher', tag: 'button' });
    await page.context().close();
  },
  SCENARIO_TIMEOUT_MS,
);

it(
  'opens with the text box focused when the visitor opens the chat the moment the panel is drawn',
  async () => {
    const page = await (await browserContext(stage.browser, { viewport: { width: 1280, height: 800 } })).newPage();
    // The chat is opened in the same task that draws the panel (loaded while the page was idle),
    // before the browser paints: on a busy machine a visitor's click can land there.
    await page.addInitScript(() => {
      const attach = Object.getOwnPropertyDescriptor(Element.prototype, 'attachShadow')!.value as (
        this: Element,
        init: ShadowRootInit,
      ) => ShadowRoot;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        if (this.localName === 'cascade-widget') {
          new MutationObserver((_, observer) => {
            if (!root.querySelector('.panel')) return;
            observer.disconnect();
            (window as unknown as { Cascade: (...args: unknown[]) => void }).Cascade('open');
          }).observe(root, { childList: true, subtree: true });
        }
        return root;
      };
    });
    await page.goto(`${stage.h.url}/demo`);
    await page.getByRole('dialog').waitFor();
    await expect.poll(() => focusIn(page), { timeout: STEP_TIMEOUT_MS }).toEqual({ where: 'panel', tag: 'textarea' });
    await page.context().close();
  },
  SCENARIO_TIMEOUT_MS,
);

it(
  'has no serious or critical axe violation in the open panel',
  async () => {
    const page = await openDemo(stage.browser, stage.h.url);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByPlaceholder('Write a message…').fill('order');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Does one of these help?').waitFor();

    await page.addScriptTag({ content: axe.source });
    const violations = await page.evaluate(async () => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const result = await run({ include: [['cascade-widget']] }, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        targets: v.nodes.map((n) => JSON.stringify(n.target)),
      }));
    });
    const scanned = await page.evaluate(async () => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const result = await run({ include: [['cascade-widget']] }, { resultTypes: ['passes'] });
      return result.passes
        .flatMap((p) => p.nodes.map((n) => JSON.stringify(n.target)))
        .filter((t) => t.includes('.panel') || t.includes('textarea')).length;
    });
    // The scan did reach inside the shadow root.
    expect(scanned).toBeGreaterThan(0);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.context().close();
  },
  SCENARIO_TIMEOUT_MS,
);

import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** axe-core's serious and critical findings inside the widget, as `{ id, impact }`. */
export async function seriousAxeFindings(page: Page): Promise<{ id: string; impact: string | null }[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const result = await run({ include: [['cascade-widget']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * axe-core's serious and critical findings in the agent console (the whole page, or only
 * `include`), as `{ id, targets }`. Evaluated through the browser's protocol rather than added
 * as a script tag: the console's CSP rightly refuses inline scripts.
 */
export async function seriousConsoleFindings(
  page: Page,
  include: string[] = [],
): Promise<{ id: string; targets: string[] }[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async (selectors) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const context = selectors.length === 0 ? document : { include: selectors.map((s) => [s]) };
    const result = await run(context, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, include);
}

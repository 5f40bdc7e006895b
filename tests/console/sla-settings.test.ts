import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { assertConsoleBuilt, openConsole } from './console-page.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });
const field = en['settings.field.slaPolicies'];

const slaGroup = (page: Page): Locator => page.getByRole('group', { name: field });
const rows = (page: Page): Locator => slaGroup(page).getByRole('listitem');

/** One row's values as typed: priority, first reply, next reply, resolution. */
async function valuesOf(row: Locator): Promise<string[]> {
  return Promise.all(
    [
      en['settings.slaPriority'],
      en['settings.sla.firstResponse'],
      en['settings.sla.nextReply'],
      en['settings.sla.resolution'],
    ].map((label) => row.getByLabel(label, { exact: true }).inputValue()),
  );
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: en['settings.save'] }).click();
}

describe('SLA targets in the settings', () => {
  it(
    'saves targets per priority, shows them after a reload, and refuses a bad value with the form’s error',
    async () => {
      const { h } = stage;
      await h.configureSite({ slaPolicies: [] });
      const page = await openConsole(stage.browser, h, 'admin@cedar.example', { hash: '#/settings' });
      await slaGroup(page).getByText(en['settings.noSla']).waitFor();

      await slaGroup(page).getByRole('button', { name: en['settings.addSla'] }).click();
      await slaGroup(page).getByRole('button', { name: en['settings.addSla'] }).click();
      const urgent = rows(page).nth(1);
      await urgent.getByLabel(en['settings.slaPriority']).fill('5');
      await urgent.getByLabel(en['settings.sla.firstResponse']).fill('1.5');
      await urgent.getByLabel(en['settings.sla.nextReply']).fill('');
      await urgent.getByLabel(en['settings.sla.resolution']).fill('60');
      await save(page);
      await page.getByRole('status').filter({ hasText: en['settings.saved'] }).waitFor();

      const site = await h.cascade.sites.get(h.demo.siteId);
      expect(site?.slaPolicies).toEqual([
        { priority: 0, firstResponseSeconds: 300, nextReplySeconds: 600, resolutionSeconds: 14_400 },
        { priority: 5, firstResponseSeconds: 90, nextReplySeconds: null, resolutionSeconds: 3600 },
      ]);

      await page.reload();
      await rows(page).nth(1).waitFor();
      expect(await rows(page).count()).toBe(2);
      expect(await valuesOf(rows(page).nth(0))).toEqual(['0', '5', '10', '240']);
      expect(await valuesOf(rows(page).nth(1))).toEqual(['5', '1.5', '', '60']);

      // Not a number of minutes: the form says which field, and nothing reaches the server.
      await rows(page).nth(0).getByLabel(en['settings.sla.firstResponse']).fill('soon');
      await save(page);
      const problem = page.getByRole('alert').filter({ hasText: field });
      await problem.waitFor();
      expect(await problem.textContent()).toBe(en['settings.problem.number'].replace('{field}', field));

      // Two rows for one priority.
      await rows(page).nth(0).getByLabel(en['settings.sla.firstResponse']).fill('5');
      await rows(page).nth(1).getByLabel(en['settings.slaPriority']).fill('0');
      await save(page);
      await page
        .getByRole('alert')
        .filter({ hasText: en['settings.problem.duplicate'].replace('{field}', field) })
        .waitFor();

      expect((await h.cascade.sites.get(h.demo.siteId))?.slaPolicies).toEqual(site?.slaPolicies);
      await h.configureSite({ slaPolicies: [] });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

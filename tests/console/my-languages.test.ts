import { describe, expect, it } from 'vitest';
import { ar } from '../../agent-console/src/locales/ar.ts';
import { en } from '../../agent-console/src/locales/en.ts';
import { SCENARIO_TIMEOUT_MS, waitUntil } from '../support/waits.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

describe('the languages an agent answers in', () => {
  it(
    'are chosen by the agent in the console and show in the agents list',
    async () => {
      const { h } = stage;
      const omid = await openConsole(stage.browser, h, 'omid@cedar.example', { locale: 'ar' });
      await omid.getByRole('button', { name: ar['header.languages'], exact: true }).click();
      const dialog = omid.getByRole('dialog', { name: ar['myLanguages.title'] });
      await dialog.getByRole('checkbox', { name: ar['locale.fa'] }).check();
      await dialog.getByRole('checkbox', { name: ar['locale.ar'] }).check();
      await dialog.getByRole('button', { name: ar['myLanguages.submit'] }).click();
      await dialog.waitFor({ state: 'detached' });

      const omidId = (await h.cascade.agents.idByEmail('omid@cedar.example')) ?? '';
      await waitUntil(
        'Omid’s languages saved',
        async () => [...((await h.cascade.agents.get(omidId))?.memberships[0]?.languages ?? [])].sort().join(' '),
        (v) => v === 'ar fa',
      );

      const admin = await openConsole(stage.browser, h, 'admin@cedar.example', { hash: '#/agents' });
      const row = admin.getByRole('row').filter({ hasText: 'Omid Rahimi' });
      await showsText(row, en['locale.fa']);
      expect(await row.textContent()).toContain(en['locale.ar']);
      await omid.context().close();
      await admin.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

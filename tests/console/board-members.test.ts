import { describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

describe('who the live board counts', () => {
  it(
    'leaves out an admin with no skills: not an agent online, no chat slots',
    async () => {
      const { h, browser } = stage;
      // The admin's own console is open and connected while they watch the board.
      const admin = await openConsole(browser, h, 'admin@cedar.example', { hash: '#/dashboard' });
      const lina = await openConsole(browser, h, 'lina@cedar.example', { hash: '#/chats' });
      const agentsNow = admin.getByRole('table', { name: en['board.agents'] });
      await agentsNow.getByRole('row', { name: /Lina Haddad/ }).waitFor();

      const summary = admin.getByRole('region', { name: en['board.title'] }).getByRole('status');
      await showsText(summary, '1 agent online');
      expect(await summary.textContent()).toContain('0 of 3 chat slots in use');
      expect(await agentsNow.getByRole('row', { name: /Adam Clarke/ }).count()).toBe(0);

      await lina.context().close();
      await admin.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

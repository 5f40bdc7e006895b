import type { Board } from '@cascade/shared';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assertConsoleBuilt, openConsole, showsText, untilOnline } from './console-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, waitUntil } from '../support/waits.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

const statusOf = (board: Board, name: string) => board.agents.find((a) => a.name === name)?.status;

/** Serious and critical axe findings in the status choice and the time-per-status table. */
async function seriousFindings(page: Page): Promise<{ id: string; targets: string[] }[]> {
  // Evaluated rather than added as a script tag: the console's CSP refuses inline scripts.
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const result = await run(
      { include: [['.status-choice'], ['section[aria-labelledby="status-time-title"]']] },
      { resultTypes: ['violations'] },
    );
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

describe('agent statuses', () => {
  it(
    'gives no new chat on a break, resumes when available, sets an idle agent away, and counts the time per status',
    async () => {
      const { h } = stage;
      const watcher = await h.agent('admin@cedar.example');
      const lina = await openConsole(stage.browser, h, 'lina@cedar.example');
      await untilOnline(watcher, 'Lina Haddad');
      const status = lina.getByRole('combobox', { name: 'Status' });

      await status.selectOption('break');
      await watcher.next<{ board: Board }>('board:update', (u) => statusOf(u.board, 'Lina Haddad') === 'break');
      const visitor = await h.visitor();
      const { conversation } = await visitor.ok<{ conversation: { id: string } }>('conversation:escalate', {});
      await visitor.ok('conversation:keep-waiting', {});
      expect(await h.cascade.routing.assignee(h.demo.siteId, conversation.id)).toBeNull();
      expect(await lina.getByRole('list', { name: 'My chats' }).getByRole('listitem').count()).toBe(0);

      await status.selectOption('online');
      await lina.getByRole('list', { name: 'My chats' }).getByRole('listitem').first().waitFor();
      expect(await h.cascade.routing.assignee(h.demo.siteId, conversation.id)).not.toBeNull();

      // A console left alone past the site's idle time sets its agent away, and says so.
      await h.configureSite({ autoAwaySeconds: 5 });
      // Not waited for online first: on a slow machine the idle time may pass before the board shows it.
      const omid = await openConsole(stage.browser, h, 'omid@cedar.example');
      await showsText(omid.locator('body'), 'You were set away after a while without activity.');
      expect(await omid.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('away');
      const omidId = (await h.cascade.agents.idByEmail('omid@cedar.example')) ?? '';
      await waitUntil(
        'Omid away on the server',
        () => h.cascade.agents.chosenStatus(omidId),
        (s) => s === 'away',
      );
      expect(await h.cascade.routing.online(h.demo.siteId)).not.toContain(omidId);

      const sara = await openConsole(stage.browser, h, 'sara@cedar.example', { hash: '#/dashboard' });
      const table = sara.getByRole('table', { name: 'Time per status' });
      const row = table.getByRole('row', { name: /Lina Haddad/ });
      await row.waitFor();
      expect(await table.getByRole('columnheader').allTextContents()).toEqual([
        'Agent',
        'Available',
        'Away',
        'On a break',
        'Busy',
      ]);
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells).toHaveLength(4);
      for (const cell of cells) expect(cell).toMatch(/^\d+[smhd]/);
      expect(await seriousFindings(sara)).toEqual([]);

      // The same screen in Arabic, right to left.
      const arabic = await openConsole(stage.browser, h, 'sara@cedar.example', { hash: '#/dashboard', locale: 'ar' });
      await arabic
        .getByRole('table', { name: 'الوقت في كل حالة' })
        .getByRole('row', { name: /Lina Haddad/ })
        .waitFor();
      expect(await arabic.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await seriousFindings(arabic)).toEqual([]);

      visitor.close();
      watcher.close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

import type { ChatSummary, MetricsSummary } from '@cascade/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { restClient } from '../support/rest.ts';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';
import { askBot, escalateTo, followUp, rate, reply, resolve } from './scenario.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

/**
 * A day at the shop, over real sockets: one question the bot solves, one chat an agent
 * resolves, one transferred up a level, one that becomes a ticket; three ratings (5, 2, 4).
 */
async function scriptedDay(): Promise<void> {
  const lina = await stage.h.agent('lina@cedar.example');
  const omid = await stage.h.agent('omid@cedar.example');
  await omid.ok('agent:status', { status: 'away' });

  const solvedByBot = await stage.h.visitor();
  const answer = await askBot(solvedByBot, 'How long does delivery take?');
  await solvedByBot.ok('bot:feedback', { messageId: answer.id, helpful: true });

  const resolved = await stage.h.visitor();
  const first = await escalateTo(resolved, lina);
  await reply(lina, first.conversation.id, 'Hi, I can help with that.');
  await resolve(lina, first.conversation.id);
  await rate(resolved, 5);

  const transferred = await stage.h.visitor();
  const second = await escalateTo(transferred, lina);
  await reply(lina, second.conversation.id, 'Let me pass you to a colleague.');
  await omid.ok('agent:status', { status: 'online' });
  await lina.ok('chat:transfer', { conversationId: second.conversation.id, level: 2, note: 'Refund over the limit' });
  await omid.next<ChatSummary>('chat:assigned', (c) => c.conversation.id === second.conversation.id);
  await reply(omid, second.conversation.id, 'Refund approved.');
  await resolve(omid, second.conversation.id);
  await rate(transferred, 2);
  await omid.ok('agent:status', { status: 'away' });

  const ticketed = await stage.h.visitor();
  const third = await escalateTo(ticketed, lina);
  await reply(lina, third.conversation.id, 'The warehouse has to check this.');
  await followUp(lina, third.conversation.id, 'Ask the warehouse about the missing leg');
  await rate(ticketed, 4);

  await lina.ok('agent:status', { status: 'away' });
  for (const client of [lina, omid, solvedByBot, resolved, transferred, ticketed]) client.close();
}

const tile = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const tileValue = async (page: Page, name: string) =>
  (await tile(page, name).locator('.tile-value').textContent())?.trim();

describe('the supervisor’s dashboard', () => {
  it(
    'shows exactly what happened today, and the live board as it changes',
    async () => {
      await scriptedDay();
      const sara = await stage.h.login('sara@cedar.example');
      const server = (
        await restClient(stage.h.url, sara).get<MetricsSummary>(`/api/metrics/summary?siteId=${stage.h.demo.siteId}`)
      ).body;
      expect(server).toMatchObject({
        conversations: 4,
        resolvedByBot: 1,
        tickets: 1,
        transfers: 1,
        csat: { ratings: 3, satisfied: 2 },
      });

      const page = await openConsole(stage.browser, stage.h, 'sara@cedar.example', {
        hash: '#/dashboard',
        height: 1300,
      });
      await page.getByRole('list', { name: 'Figures' }).waitFor();
      expect(await tileValue(page, 'Conversations')).toBe('4');
      expect(await tileValue(page, 'Resolved by the bot')).toBe('1');
      expect(await tileValue(page, 'Tickets')).toBe('1');
      expect(await tileValue(page, 'Transfers')).toBe('1');
      expect(await tileValue(page, 'CSAT (4–5 ratings)')).toBe('66.7%');
      expect(await tile(page, 'CSAT (4–5 ratings)').textContent()).toContain('2 of 3 ratings');
      expect(await tileValue(page, 'First-contact resolution')).toBe('75%');
      expect(await tileValue(page, 'Escalations')).toBe('4');

      const funnel = page.getByRole('figure', { name: 'The waterfall' }).getByRole('listitem');
      expect((await funnel.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
        'Bot4',
        'Level 13 · 75%',
        'Level 21 · 25%',
        'Level 30 · 0%',
        'Ticket1 · 25%',
      ]);
      const volume = page.getByRole('figure', { name: 'Conversations' });
      await volume.getByText('Show the figures').click();
      const rows = await volume.getByRole('row').allTextContents();
      const counts = rows.slice(1).map((row) => Number(/(\d+)$/.exec(row)?.[1] ?? 0));
      expect(counts.reduce((sum, n) => sum + n, 0)).toBe(4);
      // The day can cross an hour while the chats run, so the highest point is read from the figures.
      expect(await volume.getByRole('img').getAttribute('aria-label')).toMatch(
        new RegExp(`^Conversations: \\d+ points, highest ${Math.max(...counts)} at `),
      );

      const perAgent = page.getByRole('region', { name: 'Per agent' });
      // Resolved, tickets, ratings, CSAT.
      expect(
        await perAgent
          .getByRole('row', { name: /Lina Haddad/ })
          .getByRole('cell')
          .allTextContents(),
      ).toEqual(['1', '1', '2', '100%']);
      expect(
        await perAgent
          .getByRole('row', { name: /Omid Rahimi/ })
          .getByRole('cell')
          .allTextContents(),
      ).toEqual(['1', '0', '1', '0%']);

      // The live board follows the socket: Sara steps away, then a visitor waits with nobody online.
      await page.getByRole('combobox', { name: 'Status' }).selectOption('away');
      const agentsNow = page.getByRole('table', { name: 'Agents now' });
      await showsText(agentsNow.getByRole('row', { name: /Sara Novak/ }), 'Away');
      const visitor = await stage.h.visitor();
      await visitor.ok('conversation:escalate', {});
      await visitor.ok('conversation:keep-waiting', {});
      await showsText(
        // The line is named by the skill's name in the agent's language, not by its id.
        page.getByRole('table', { name: 'Waiting lines' }).getByRole('row', { name: /General questions · level 1/ }),
        /General questions · level 1\s*1/,
      );
      await showsText(page.getByRole('status').filter({ hasText: 'waiting' }), '1 waiting');
      visitor.close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'keeps the live dot still for a supervisor who asks for less motion',
    async () => {
      const page = await openConsole(stage.browser, stage.h, 'sara@cedar.example', { hash: '#/dashboard' });
      const dot = page.locator('.live-dot').first();
      await dot.waitFor();
      const animation = () => dot.evaluate((el) => getComputedStyle(el).animationName);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      expect(await animation()).toBe('none');
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      expect(await animation()).toBe('pulse');
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

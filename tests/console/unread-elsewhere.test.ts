import { describe, expect, it } from 'vitest';
import type { ConversationView } from '@cascade/shared';
import type { Page } from 'playwright-core';
import { en } from '../../agent-console/src/locales/en.ts';
import { SCENARIO_TIMEOUT_MS, waitUntil } from '../support/waits.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { assertConsoleBuilt, openConsole } from './console-page.ts';
import { askBot, namedVisitor, send } from './scenario.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

/** The count in the title, e.g. 2 for "(2) Cascade console"; 0 without one. */
async function titleCount(page: Page): Promise<number> {
  const match = /^\((\d+)\) /.exec(await page.title());
  return match ? Number(match[1]) : 0;
}

const inboxBadge = (page: Page) =>
  page
    .getByRole('navigation', { name: en['header.nav'] })
    .getByRole('link', { name: en['nav.chats'] })
    .locator('.badge');

/** Where the agent is when the chat comes: a page that is not the Inbox, and its heading. */
const elsewhere = [
  {
    page: 'Tickets',
    email: 'lina@cedar.example',
    hash: '#/tickets',
    heading: en['tickets.title'],
    visitor: 'Omar Saleh',
  },
  // A supervisor who also answers chats, watching the numbers.
  {
    page: 'Dashboard',
    email: 'sara@cedar.example',
    hash: '#/dashboard',
    heading: en['dashboard.title'],
    visitor: 'Nadia Farouk',
  },
] as const;

describe('alerts outside the Inbox', () => {
  it.each(elsewhere)(
    'counts a new chat and its messages on the $page page, keeps the count over a reload, and clears it when read',
    async ({ email, hash, heading, visitor: visitorName }) => {
      const page = await openConsole(stage.browser, stage.h, email, { hash });
      await page.getByRole('heading', { name: heading }).waitFor();
      expect(await titleCount(page)).toBe(0);

      const visitor = await namedVisitor(stage.h, visitorName);
      await askBot(visitor, 'My parcel never arrived');
      const { conversation } = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
      // The assignment alone needs the agent: title and Inbox badge change on this page.
      await waitUntil(
        'the title to count the new chat',
        () => titleCount(page),
        (n) => n >= 1,
      );
      await inboxBadge(page).waitFor();

      const before = await titleCount(page);
      await visitor.ok('message:send', send('It was due on Monday'));
      const counted = await waitUntil(
        'the title to count the message',
        () => titleCount(page),
        (n) => n > before,
      );
      expect(await inboxBadge(page).textContent()).toBe(String(counted));

      // The server keeps the counts: a reload on the same page shows the same ones.
      await page.reload();
      await page.getByRole('heading', { name: heading }).waitFor();
      await waitUntil(
        'the count to come back after the reload',
        () => titleCount(page),
        (n) => n === counted,
      );
      expect(await inboxBadge(page).textContent()).toBe(String(counted));

      // Opening the chat reads it, here and on the server.
      await page
        .getByRole('navigation', { name: en['header.nav'] })
        .getByRole('link', { name: en['nav.chats'] })
        .click();
      await page.locator('.chat-item', { hasText: visitorName }).click();
      await waitUntil(
        'the count to clear',
        () => titleCount(page),
        (n) => n === 0,
      );
      await inboxBadge(page).waitFor({ state: 'detached' });
      const agentId = (await stage.h.cascade.conversations.get(conversation.id))?.agentId ?? '';
      await waitUntil(
        'the server to clear the count',
        () => stage.h.cascade.unread.of(agentId, [conversation.id]),
        (counts) => counts[conversation.id] === undefined,
      );

      visitor.close();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

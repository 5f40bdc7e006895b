import { randomUUID } from 'node:crypto';
import type { ConversationView, Ticket } from '@cascade/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { fa } from '../../agent-console/src/locales/fa.ts';
import { seriousConsoleFindings } from '../support/axe.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, waitUntil } from '../support/waits.ts';
import { assertConsoleBuilt, openConsole } from './console-page.ts';
import { send } from './scenario.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });
const HOUR_MS = 3_600_000;

/** A visitor nobody can answer (no agent online) leaves an email: the ticket carries the site's promise. */
async function promisedTicket(): Promise<Ticket> {
  const visitor = await stage.h.visitor();
  await visitor.ok('message:send', send('My sofa arrived broken'));
  const { conversation } = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
  await visitor.ok('conversation:leave-email', { email: 'nadia@customers.example' });
  visitor.close();
  return waitUntil(
    'the ticket with its promised reply time',
    () => stage.h.cascade.tickets.ofConversation(stage.h.demo.siteId, conversation.id),
    (t) => t?.replyBy !== undefined,
  ) as Promise<Ticket>;
}

/** A ticket made yesterday whose promised reply time passed an hour ago, still open. */
async function overdueTicket(): Promise<Ticket> {
  const yesterday = Date.now() - 24 * HOUR_MS;
  const { ticket } = await stage.h.cascade.tickets.createOnce({
    id: randomUUID().replace(/-/g, ''),
    siteId: stage.h.demo.siteId,
    conversationId: randomUUID(),
    status: 'open',
    reason: 'no_agent',
    skill: 'general',
    level: 1,
    assigneeId: null,
    note: null,
    visitor: { id: randomUUID(), name: 'Reza Tabrizi', email: 'reza@customers.example', locale: 'fa' },
    transcript: [],
    pages: [],
    history: [{ ts: yesterday, action: 'created', by: 'visitor', detail: 'no_agent' }],
    replyBy: Date.now() - HOUR_MS,
    createdAt: yesterday,
    updatedAt: yesterday,
  });
  return ticket;
}

/** A ticket's row in the list, by its number as the console writes it (Persian digits in fa). */
const rowOf = (page: Page, locale: 'en' | 'fa', number: number) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: `#${new Intl.NumberFormat(locale).format(number)}`, exact: true }) });

describe('the reply promise in the console', () => {
  it.each([
    ['en', en],
    ['fa', fa],
  ] as const)(
    'turns the promise on with its business hours, and keeps it after a reload (%s)',
    async (locale, c) => {
      await stage.h.configureSite({ replyPromise: null });
      const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/settings', locale });
      await expect.poll(() => page.locator('html').getAttribute('dir')).toBe(locale === 'fa' ? 'rtl' : 'ltr');
      const group = page.getByRole('group', { name: c['settings.replyPromise'] });
      await group.getByRole('checkbox', { name: c['settings.field.replyPromiseOn'] }).check();
      await group.getByLabel(c['settings.field.replyPromiseHours']).fill('8');
      expect(await seriousConsoleFindings(page, ['fieldset.panel'])).toEqual([]);
      await page.getByRole('button', { name: c['settings.save'] }).click();
      await page.getByText(c['settings.saved']).waitFor();
      expect((await stage.h.cascade.sites.get(stage.h.demo.siteId))?.replyPromise).toEqual({ businessHours: 8 });

      await page.reload();
      const again = page.getByRole('group', { name: c['settings.replyPromise'] });
      await expect
        .poll(() => again.getByRole('checkbox', { name: c['settings.field.replyPromiseOn'] }).isChecked())
        .toBe(true);
      expect(await again.getByLabel(c['settings.field.replyPromiseHours']).inputValue()).toBe('8');

      // Turned off, the site promises nothing again.
      await again.getByRole('checkbox', { name: c['settings.field.replyPromiseOn'] }).uncheck();
      await page.getByRole('button', { name: c['settings.save'] }).click();
      await page.getByText(c['settings.saved']).waitFor();
      expect((await stage.h.cascade.sites.get(stage.h.demo.siteId))?.replyPromise ?? null).toBeNull();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it.each([
    ['en', en],
    ['fa', fa],
  ] as const)(
    'shows the promised reply time on the ticket and marks overdue tickets in the list (%s)',
    async (locale, c) => {
      await stage.h.configureSite({ businessHours: null, replyPromise: { businessHours: 4 } });
      const promised = await promisedTicket();
      const overdue = await overdueTicket();
      await stage.h.configureSite({ replyPromise: null });

      const page = await openConsole(stage.browser, stage.h, 'sara@cedar.example', { hash: '#/tickets', locale });
      await rowOf(page, locale, overdue.number).filter({ hasText: c['tickets.overdue'] }).waitFor();
      await rowOf(page, locale, promised.number).waitFor();
      expect(await rowOf(page, locale, promised.number).getByText(c['tickets.overdue']).count()).toBe(0);
      expect(await seriousConsoleFindings(page, ['table'])).toEqual([]);

      await rowOf(page, locale, promised.number).getByRole('link').first().click();
      const term = page.getByRole('term').filter({ hasText: c['tickets.replyBy'] });
      await term.waitFor();
      // Four hours after the chat joined the line, written as the console writes every date (UTC in these tests).
      const when = await page.evaluate(
        ([intl, ts]) =>
          new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(ts),
        [locale, promised.replyBy!] as const,
      );
      expect(await term.locator('xpath=following-sibling::dd[1]').textContent()).toBe(when);
      expect(await page.getByText(c['tickets.overdue']).count()).toBe(0);
      const stored = await stage.h.cascade.conversations.get(promised.conversationId);
      expect(promised.replyBy).toBe(stored!.queuedAt! + 4 * HOUR_MS);
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

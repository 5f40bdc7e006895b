import type { AgentSkill, ChatSummary, Locale } from '@cascade/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe.ts';
import { visitorAfterAnswer } from '../support/widget-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, waitUntil } from '../support/waits.ts';

const stage = serverAndBrowser();
const general: AgentSkill[] = [
  { skill: 'shipping', level: 1 },
  { skill: 'general', level: 1 },
];

const strings = {
  en: { ask: 'Talk to a person', offer: 'Nobody is free right now.', email: 'Email', promise: "We'll reply by" },
  fa: { ask: 'گفتگو با یک همکار', offer: 'اکنون کسی آزاد نیست.', email: 'ایمیل', promise: 'پاسخ شما را می‌دهیم' },
} as const;

const visitorIn = (locale: Locale): Promise<Page> => visitorAfterAnswer(stage.browser, stage.h.url, locale);

/** The weekday `day` (0 = Sunday) in the visitor's language, as the browser writes it. */
function weekdayName(page: Page, locale: Locale, day: number): Promise<string> {
  return page.evaluate(
    ([l, d]) => new Intl.DateTimeFormat(l, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 4 + d, 12)),
    [locale, day] as const,
  );
}

/** The next instant after now that is `day` (0 = Sunday) at `hour`:00 UTC. */
function nextUtc(day: number, hour: number): number {
  const now = new Date();
  const ahead = (day - now.getUTCDay() + 7) % 7;
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ahead, hour);
}

/** The ticket the visitor's email made, once it is stored. */
async function ticketOf(conversationId: string) {
  return waitUntil(
    'the ticket of the chat',
    () => stage.h.cascade.tickets.ofConversation(stage.h.demo.siteId, conversationId),
    (t) => t !== null,
  );
}

async function leaveEmail(page: Page, locale: keyof typeof strings): Promise<void> {
  await page.getByLabel(strings[locale].email).fill('visitor@example.com');
  await page.getByLabel(strings[locale].email).press('Enter');
}

describe('the reply promise', () => {
  it.each(['en', 'fa'] as const)(
    'tells a visitor outside business hours by when the team will reply, and the ticket keeps that time (%s)',
    async (locale) => {
      const s = strings[locale];
      // Open on one weekday only, three days from today (UTC): closed now, whatever the hour.
      const day = (new Date().getUTCDay() + 3) % 7;
      await stage.h.configureSite({
        businessHours: { timeZone: 'UTC', weekly: [{ day, open: '09:00', close: '17:00' }] },
        replyPromise: { businessHours: 4 },
      });
      const page = await visitorIn(locale);
      await page.getByRole('button', { name: s.ask }).first().click();
      await page.getByText(s.offer).waitFor();

      // Four business hours from the next opening: 13:00 UTC, 4:30 PM in Tehran, in the visitor's digits.
      const promise = page.getByText(s.promise);
      await promise.waitFor();
      const text = (await promise.textContent()) ?? '';
      expect(text).toContain(locale === 'fa' ? '۱۶:۳۰' : '4:30');
      expect(text).toContain(await weekdayName(page, locale, day));
      await expect.poll(() => page.locator('.panel').getAttribute('dir')).toBe(locale === 'fa' ? 'rtl' : 'ltr');
      expect(await seriousAxeFindings(page)).toEqual([]);

      const [id] = await stage.h.cascade.routing.waiting(stage.h.demo.siteId);
      await leaveEmail(page, locale);
      const ticket = await ticketOf(id!);
      expect(ticket).toMatchObject({ reason: 'outside_hours', replyBy: nextUtc(day, 13) });
      await stage.h.configureSite({ businessHours: null, replyPromise: null });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'promises a reply after a transfer to a level with nobody online',
    async () => {
      // Always open: four business hours are four hours from when the chat joined level 2's line.
      await stage.h.configureSite({ businessHours: null, replyPromise: { businessHours: 4 } });
      const agent = await stage.h.newAgent({ skills: general, name: 'Rana' });
      const page = await visitorIn('en');
      await page.getByRole('button', { name: strings.en.ask }).first().click();
      const chat = await agent.next<ChatSummary>('chat:assigned');
      await agent.ok('chat:transfer', { conversationId: chat.conversation.id, level: 2, note: 'Needs level 2' });
      await page.getByText(strings.en.offer).waitFor();
      await page.getByText(strings.en.promise).waitFor();

      await leaveEmail(page, 'en');
      const ticket = await ticketOf(chat.conversation.id);
      const stored = await stage.h.cascade.conversations.get(chat.conversation.id);
      expect(ticket).toMatchObject({ reason: 'no_agent', replyBy: stored!.queuedAt! + 4 * 3_600_000 });
      await agent.ok('agent:status', { status: 'away' });
      agent.close();
      await stage.h.configureSite({ replyPromise: null });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'promises nothing on a site without the setting',
    async () => {
      await stage.h.configureSite({ businessHours: null, replyPromise: null });
      const page = await visitorIn('en');
      await page.getByRole('button', { name: strings.en.ask }).first().click();
      await page.getByText(strings.en.offer).waitFor();
      await page.getByLabel(strings.en.email).waitFor();
      expect(await page.getByText(strings.en.promise).count()).toBe(0);

      const [id] = await stage.h.cascade.routing.waiting(stage.h.demo.siteId);
      await leaveEmail(page, 'en');
      const ticket = await ticketOf(id!);
      expect(ticket).toMatchObject({ reason: 'no_agent' });
      expect(ticket?.replyBy).toBeUndefined();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

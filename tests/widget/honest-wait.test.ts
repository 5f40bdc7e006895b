import type { AgentSkill, ChatSummary, Locale } from '@cascade/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { leave } from '../support/clients.ts';
import { visitorAfterAnswer } from '../support/widget-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser();
// The delivery question the visitors ask belongs to shipping.
const general: AgentSkill[] = [
  { skill: 'shipping', level: 1 },
  { skill: 'general', level: 1 },
];

const strings = {
  en: {
    ask: 'Talk to a person',
    offer: 'Nobody is free right now.',
    nobody: 'Nobody can answer right now.',
    email: 'Email',
    wait: 'Keep waiting',
    back: 'We are back on',
  },
  fa: {
    ask: 'گفتگو با یک همکار',
    offer: 'اکنون کسی آزاد نیست.',
    nobody: 'اکنون کسی نمی‌تواند پاسخ دهد.',
    email: 'ایمیل',
    wait: 'منتظر می‌مانم',
    back: 'پاسخگو هستیم',
  },
} as const;

const visitorIn = (locale: Locale): Promise<Page> => visitorAfterAnswer(stage.browser, stage.h.url, locale);

/** The states of every chat in line on the demo site, read from the store. */
async function waitingChats() {
  const ids = await stage.h.cascade.routing.waiting(stage.h.demo.siteId);
  return Promise.all(ids.map((id) => stage.h.cascade.conversations.get(id)));
}

describe('honest waiting', () => {
  it.each(['en', 'fa'] as const)(
    'connects nobody outside business hours and says when the team is back (%s)',
    async (locale) => {
      const s = strings[locale];
      // Open on one weekday only, three days from today (UTC): closed now, whatever the hour.
      const day = (new Date().getUTCDay() + 3) % 7;
      await stage.h.configureSite({
        businessHours: { timeZone: 'UTC', weekly: [{ day, open: '09:00', close: '17:00' }] },
      });
      const agent = await stage.h.newAgent({ skills: general });
      const page = await visitorIn(locale);
      await page.getByRole('button', { name: s.ask }).first().click();
      await page.getByText(s.offer).waitFor();
      await page.getByLabel(s.email).waitFor();

      // 09:00 UTC is 12:30 in Tehran, written in the visitor's language (Persian digits in fa).
      const back = page.getByText(s.back);
      await back.waitFor();
      expect(await back.textContent()).toContain(locale === 'fa' ? '۱۲:۳۰' : '12:30');
      const weekday = await page.evaluate(
        ([l, d]) => {
          // A date in 2026 that falls on weekday `d`: 4 January 2026 is a Sunday.
          const date = Date.UTC(2026, 0, 4 + d, 12);
          return new Intl.DateTimeFormat(l, { weekday: 'long', timeZone: 'UTC' }).format(date);
        },
        [locale, day] as const,
      );
      expect(await back.textContent()).toContain(weekday);
      await expect.poll(() => page.locator('.panel').getAttribute('dir')).toBe(locale === 'fa' ? 'rtl' : 'ltr');

      // Keeping on waiting while closed: still no estimate and no agent, the email form stays.
      await page.getByRole('button', { name: s.wait }).click();
      await page.getByText(s.nobody).waitFor();
      await page.getByLabel(s.email).waitFor();
      const chats = await waitingChats();
      expect(chats.length).toBeGreaterThan(0);
      for (const c of chats) expect(c).toMatchObject({ agentId: null });
      expect(chats.some((c) => c?.state === 'queued')).toBe(true);

      // The email form still works: the chat becomes a ticket and leaves the line.
      await page.getByLabel(s.email).fill('visitor@example.com');
      await page.getByLabel(s.email).press('Enter');
      await expect.poll(async () => (await waitingChats()).length).toBe(0);
      await leave(agent);
      await stage.h.configureSite({ businessHours: null });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'hands a chat held while closed to an agent once the site opens',
    async () => {
      const day = (new Date().getUTCDay() + 3) % 7;
      await stage.h.configureSite({
        businessHours: { timeZone: 'UTC', weekly: [{ day, open: '09:00', close: '17:00' }] },
      });
      const agent = await stage.h.newAgent({ skills: general, name: 'Rana' });
      const page = await visitorIn('en');
      await page.getByRole('button', { name: strings.en.ask }).first().click();
      await page.getByRole('button', { name: strings.en.wait }).click();
      await page.getByText(strings.en.nobody).waitFor();
      // Open every day round the clock (00:00 to 00:00 runs to the next midnight): the next presence sweep hands the chat out.
      const open = [0, 1, 2, 3, 4, 5, 6].map((d) => ({ day: d, open: '00:00', close: '00:00' }));
      await stage.h.configureSite({ businessHours: { timeZone: 'UTC', weekly: open } });
      const chat = await agent.next<ChatSummary>('chat:assigned');
      await page.getByText('Rana joined the chat.').waitFor();
      await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
      await leave(agent);
      await stage.h.configureSite({ businessHours: null });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'gives no made-up estimate to a visitor who keeps waiting with nobody online',
    async () => {
      const s = strings.en;
      const page = await visitorIn('en');
      await page.getByRole('button', { name: s.ask }).first().click();
      await page.getByText(s.offer).waitFor();
      await page.getByRole('button', { name: s.wait }).click();
      await page.getByText('You are number 1 in line.').waitFor();
      await page.getByText(s.nobody).waitFor();
      await page.getByLabel(s.email).waitFor();
      expect(await page.getByText(/Wait: /).count()).toBe(0);
      expect(await page.getByRole('button', { name: s.wait }).count()).toBe(0);

      // Someone who can take it comes online: the chat goes to them.
      const agent = await stage.h.newAgent({ skills: general, name: 'Rana' });
      const chat = await agent.next<ChatSummary>('chat:assigned');
      await page.getByText('Rana joined the chat.').waitFor();
      await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
      await leave(agent);
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it.each(['en', 'fa'] as const)(
    'offers the ticket at once after a transfer to a level with nobody online (%s)',
    async (locale) => {
      const s = strings[locale];
      const agent = await stage.h.newAgent({ skills: general, name: 'Rana' });
      const page = await visitorIn(locale);
      await page.getByRole('button', { name: s.ask }).first().click();
      const chat = await agent.next<ChatSummary>('chat:assigned');
      await agent.ok('chat:transfer', { conversationId: chat.conversation.id, level: 2, note: 'Needs level 2' });
      await page.getByText(s.offer).waitFor();
      await page.getByLabel(s.email).waitFor();
      expect(await page.getByText(/Wait: |انتظار: /).count()).toBe(0);
      const stored = await stage.h.cascade.conversations.get(chat.conversation.id);
      expect(stored).toMatchObject({ state: 'offered_ticket', offerReason: 'no_agent', level: 2 });
      await page.getByLabel(s.email).fill('visitor@example.com');
      await page.getByLabel(s.email).press('Enter');
      await expect.poll(async () => (await waitingChats()).length).toBe(0);
      await leave(agent);
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

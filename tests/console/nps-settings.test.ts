import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { fa } from '../../agent-console/src/locales/fa.ts';
import { seriousConsoleFindings } from '../support/axe.ts';
import { assertConsoleBuilt, openConsole } from './console-page.ts';
import { escalateTo, resolve, send } from './scenario.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

/** One visitor per answer (each is asked once per period): a chat Lina ends, then the 0-10 answer. */
async function answers(scores: number[]): Promise<void> {
  const lina = await stage.h.agent('lina@cedar.example');
  for (const score of scores) {
    const visitor = await stage.h.visitor();
    await visitor.ok('message:send', send('Where is my parcel?'));
    const chat = await escalateTo(visitor, lina);
    await resolve(lina, chat.conversation.id);
    await visitor.ok('conversation:nps', { score });
    visitor.close();
  }
  await lina.ok('agent:status', { status: 'away' });
  lina.close();
}

const npsRow = (page: Page, name: string) =>
  page
    .getByRole('region', { name: en['nps.title'] })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });

describe('NPS in the console', () => {
  it.each([
    ['en', en],
    ['fa', fa],
  ] as const)(
    'turns the question on with its period, and keeps it after a reload (%s)',
    async (locale, c) => {
      await stage.h.configureSite({ nps: null });
      const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/settings', locale });
      const group = page.getByRole('group', { name: c['settings.nps'] });
      await group.getByRole('checkbox', { name: c['settings.field.npsOn'] }).check();
      await group.getByLabel(c['settings.field.npsPeriodDays']).fill('30');
      await group.getByRole('checkbox', { name: c['settings.field.npsReplacesCsat'] }).check();
      await page.getByRole('button', { name: c['settings.save'] }).click();
      await page.getByText(c['settings.saved']).waitFor();
      expect((await stage.h.cascade.sites.get(stage.h.demo.siteId))?.nps).toEqual({
        periodDays: 30,
        replacesCsat: true,
      });

      await page.reload();
      const again = page.getByRole('group', { name: c['settings.nps'] });
      await expect.poll(() => again.getByRole('checkbox', { name: c['settings.field.npsOn'] }).isChecked()).toBe(true);
      expect(await again.getByLabel(c['settings.field.npsPeriodDays']).inputValue()).toBe('30');
      expect(await again.getByRole('checkbox', { name: c['settings.field.npsReplacesCsat'] }).isChecked()).toBe(true);

      // Turned off again, the site asks no NPS.
      await again.getByRole('checkbox', { name: c['settings.field.npsOn'] }).uncheck();
      await page.getByRole('button', { name: c['settings.save'] }).click();
      await page.getByText(c['settings.saved']).waitFor();
      expect((await stage.h.cascade.sites.get(stage.h.demo.siteId))?.nps ?? null).toBeNull();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    "shows the period's answers and score on the dashboard",
    async () => {
      await stage.h.configureSite({ nps: { periodDays: 90, replacesCsat: false } });
      // Two promoters, one passive, one detractor: (2 − 1) / 4 = 25.
      await answers([10, 9, 8, 3]);
      const page = await openConsole(stage.browser, stage.h, 'sara@cedar.example', {
        hash: '#/dashboard',
        height: 1300,
      });
      await page.getByRole('region', { name: en['nps.title'] }).waitFor();
      const value = async (name: string) => (await npsRow(page, name).getByRole('cell').textContent())?.trim();
      expect(await value(en['nps.score'])).toBe('25');
      expect(await value(en['nps.answers'])).toBe('4');
      expect(await value(en['nps.promoters'])).toBe('2');
      expect(await value(en['nps.passives'])).toBe('1');
      expect(await value(en['nps.detractors'])).toBe('1');
      await stage.h.configureSite({ nps: null });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it.each([
    ['en', en],
    ['fa', fa],
  ] as const)(
    "shows the visitor's score and comment on the conversation's page (%s)",
    async (locale, c) => {
      await stage.h.configureSite({ nps: { periodDays: 90, replacesCsat: false } });
      const lina = await stage.h.agent('lina@cedar.example');
      // She stepped away at the end of the last test: back online to take this chat.
      await lina.ok('agent:status', { status: 'online' });
      const visitor = await stage.h.visitor();
      await visitor.ok('message:send', send('Where is my parcel?'));
      const chat = await escalateTo(visitor, lina);
      await resolve(lina, chat.conversation.id);
      const comment = 'Lina found my parcel in minutes';
      await visitor.ok('conversation:nps', { score: 9, comment });
      visitor.close();
      await lina.ok('agent:status', { status: 'away' });
      lina.close();

      const page = await openConsole(stage.browser, stage.h, 'sara@cedar.example', {
        hash: `#/conversations/${chat.conversation.id}`,
        locale,
      });
      const term = page.getByRole('term').filter({ hasText: c['conversation.nps'] });
      await term.waitFor();
      const answer = term.locator('xpath=following-sibling::dd[1]');
      expect(await answer.textContent()).toContain(comment);
      expect(await answer.textContent()).toContain(locale === 'fa' ? '۹ از ۱۰' : '9 of 10');
      await expect.poll(() => page.locator('html').getAttribute('dir')).toBe(locale === 'fa' ? 'rtl' : 'ltr');
      expect(await seriousConsoleFindings(page, ['dl'])).toEqual([]);
      await stage.h.configureSite({ nps: null });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'lists the latest comments on the dashboard, newest first, each leading to its conversation (fa)',
    async () => {
      await stage.h.configureSite({ nps: { periodDays: 90, replacesCsat: false } });
      const lina = await stage.h.agent('lina@cedar.example');
      await lina.ok('agent:status', { status: 'online' });
      const said = ['ارسال دیر رسید ولی پشتیبانی خوب بود', 'Quick and kind, thank you'];
      const ids: string[] = [];
      for (const [i, comment] of said.entries()) {
        const visitor = await stage.h.visitor();
        await visitor.ok('message:send', send('Where is my parcel?'));
        const chat = await escalateTo(visitor, lina);
        await resolve(lina, chat.conversation.id);
        await visitor.ok('conversation:nps', { score: 4 + i * 5, comment });
        ids.push(chat.conversation.id);
        visitor.close();
      }
      await lina.ok('agent:status', { status: 'away' });
      lina.close();

      // The comments are read from the archive, which takes each answer a moment after it is given.
      const { cookie } = await stage.h.login('sara@cedar.example');
      const day = 24 * 3600 * 1000;
      const query = `siteId=${stage.h.demo.siteId}&from=${Date.now() - day}&to=${Date.now() + day}`;
      const listed = async () => {
        const res = await fetch(`${stage.h.url}/api/history/nps-comments?${query}`, { headers: { cookie } });
        const body = (await res.json()) as { comments: { conversationId: string }[] };
        return body.comments.map((c) => c.conversationId).filter((id) => ids.includes(id));
      };
      await expect.poll(listed).toEqual([...ids].reverse());

      const page = await openConsole(stage.browser, stage.h, 'sara@cedar.example', {
        hash: '#/dashboard',
        locale: 'fa',
        height: 1300,
      });
      const region = page.getByRole('region', { name: fa['nps.title'] });
      await region.getByRole('heading', { name: fa['nps.comments'] }).waitFor();
      const items = region.getByRole('listitem');
      const texts = await items.allTextContents();
      const newest = texts.findIndex((x) => x.includes(said[1] ?? ''));
      const older = texts.findIndex((x) => x.includes(said[0] ?? ''));
      expect(newest).toBeGreaterThanOrEqual(0);
      expect(older).toBeGreaterThan(newest);
      expect(texts[older]).toContain('۴ از ۱۰');
      expect(await seriousConsoleFindings(page, ['.nps-comments'])).toEqual([]);

      await items.nth(older).getByRole('link', { name: '۴ از ۱۰' }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/conversations/${ids[0]}`);
      await page.getByRole('term').filter({ hasText: fa['conversation.nps'] }).waitFor();
      await stage.h.configureSite({ nps: null });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

import type { MissedGroups } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';
import { askBot, escalateTo, reply, resolve } from './scenario.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { restClient } from '../support/rest.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

const DAY = 24 * 3600 * 1000;
const QUESTION = 'یه خط افتاده روی میزی که تازه خریدم';

describe('what the bot missed, for a supervisor', () => {
  it('lets a supervisor open it from the Persian console and teach an entry a phrasing with one click', async () => {
    const agent = await stage.h.agent('lina@cedar.example');
    const visitor = await stage.h.visitor({ locale: 'fa' });
    const missed = await askBot(visitor, QUESTION);
    expect(missed.bot?.kind).not.toBe('answer');
    const chat =
      missed.bot?.kind === 'escalate'
        ? await agent.next<{ conversation: { id: string } }>('chat:assigned')
        : await escalateTo(visitor, agent);
    await reply(agent, chat.conversation.id, 'متأسفیم! عکس پایه را بفرستید تا قطعه را عوض کنیم.');
    await resolve(agent, chat.conversation.id);
    visitor.close();
    agent.close();
    const sara = restClient(stage.h.url, await stage.h.login('sara@cedar.example'));
    const range = `siteId=${stage.h.demo.siteId}&from=${Date.now() - DAY}&to=${Date.now() + DAY}`;
    const hasIt = async () =>
      (await sara.get<MissedGroups>(`/api/kb/missed?${range}`)).body.groups.some(
        (g) => g.representative.text === QUESTION,
      );
    await expect.poll(hasIt, { timeout: 30_000 }).toBe(true);

    const page = await openConsole(stage.browser, stage.h, 'sara@cedar.example', { locale: 'fa' });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'از دست‌رفته‌های ربات' }).click();
    expect(await nav.getByRole('link', { name: 'پایگاه دانش' }).count()).toBe(0);
    const panel = page.getByRole('region', { name: 'آنچه ربات از دست داد' });
    const group = panel.getByRole('listitem').filter({ hasText: QUESTION }).first();
    await showsText(group, 'عکس پایه را بفرستید');
    // Drafting a new entry is an admin's edit of the knowledge base.
    expect(await group.getByRole('button', { name: 'پیش‌نویس مدخل جدید' }).count()).toBe(0);

    await group.getByRole('combobox', { name: 'مدخل' }).selectOption('damaged-item');
    await group.getByRole('button', { name: 'افزودن به‌عنوان عبارت' }).click();
    await showsText(page.getByRole('status').first(), 'عبارت افزوده شد');
    const entry = (await stage.h.cascade.kb.get(stage.h.demo.siteId, 'damaged-item'))!;
    expect(entry.content.fa?.phrasings).toContain(QUESTION);
    // The list comes back with the group shown as taught, its actions gone.
    await showsText(group, `به «${entry.content.fa!.question}» افزوده شد`);
    expect(await group.getByRole('button', { name: 'افزودن به‌عنوان عبارت' }).isVisible()).toBe(false);

    const next = await stage.h.visitor({ locale: 'fa' });
    const answer = await askBot(next, QUESTION);
    expect(answer.bot).toMatchObject({ kind: 'answer', entryId: 'damaged-item' });
    expect(answer.text).toBe(entry.content.fa!.answer);
    next.close();
  });
});

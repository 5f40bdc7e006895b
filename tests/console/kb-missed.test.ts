import type { AuditEntries, MissedGroups } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';
import { askBot, escalateTo, reply, resolve } from './scenario.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { restClient } from '../support/rest.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

const ASKED = ['Do you sell replacement legs for sofas?', 'Can I buy replacement legs for my sofa?'];
const REPLY = 'Yes: spare sofa legs are sold in our parts shop, in oak, walnut and black.';
const DAY = 24 * 3600 * 1000;

describe('what the bot missed, in the console', () => {
  it('shows two phrasings of one unknown question as one group with the agent’s reply, and teaches the bot from it', async () => {
    const agent = await stage.h.agent('lina@cedar.example');
    for (const [i, question] of ASKED.entries()) {
      const visitor = await stage.h.visitor();
      const bot = await askBot(visitor, question);
      expect(bot.bot?.kind).not.toBe('answer');
      const chat =
        bot.bot?.kind === 'escalate'
          ? await agent.next<{ conversation: { id: string } }>('chat:assigned')
          : await escalateTo(visitor, agent);
      await reply(agent, chat.conversation.id, i === 0 ? REPLY : 'Same as before: the parts shop has them.');
      await resolve(agent, chat.conversation.id);
      visitor.close();
    }
    // Ended chats reach the history store through a job: wait until both are there.
    const admin = restClient(stage.h.url, await stage.h.login('admin@cedar.example'));
    const range = `siteId=${stage.h.demo.siteId}&from=${Date.now() - DAY}&to=${Date.now() + DAY}`;
    await expect
      .poll(async () => (await admin.get<MissedGroups>(`/api/kb/missed?${range}`)).body.questions, { timeout: 30_000 })
      .toBe(2);

    const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/kb' });
    const panel = page.getByRole('region', { name: 'What the bot missed' });
    const group = panel.getByRole('listitem').filter({ hasText: '2 times' });
    await showsText(group, REPLY);
    await group.getByText('Examples').click();
    for (const question of ASKED) await group.getByText(question, { exact: true }).last().waitFor();

    await group.getByRole('button', { name: 'Draft new entry' }).click();
    const questionField = page.getByRole('textbox', { name: 'Question' });
    expect(ASKED).toContain(await questionField.inputValue());
    expect(await page.getByRole('textbox', { name: 'Answer' }).inputValue()).toBe(REPLY);
    await page.getByRole('button', { name: 'Save entry' }).click();
    await showsText(page.getByRole('status').first(), 'Entry saved');

    // A new visitor asking either way gets the agent's answer from the bot.
    for (const question of ASKED) {
      const visitor = await stage.h.visitor();
      const answer = await askBot(visitor, question);
      expect(answer.bot?.kind).toBe('answer');
      expect(answer.text).toBe(REPLY);
      visitor.close();
    }
    agent.close();
  });

  it('adds a missed Persian question as a phrasing of an existing entry from the Persian console, audited', async () => {
    const question = 'صندلی که آمد ترک داشت';
    const agent = await stage.h.agent('lina@cedar.example');
    const visitor = await stage.h.visitor();
    const missed = await askBot(visitor, question);
    expect(missed.bot?.kind).not.toBe('answer');
    const chat =
      missed.bot?.kind === 'escalate'
        ? await agent.next<{ conversation: { id: string } }>('chat:assigned')
        : await escalateTo(visitor, agent);
    await reply(agent, chat.conversation.id, 'متأسفیم! عکس ترک را بفرستید تا صندلی را عوض کنیم.');
    await resolve(agent, chat.conversation.id);
    visitor.close();
    agent.close();
    const admin = restClient(stage.h.url, await stage.h.login('admin@cedar.example'));
    const range = `siteId=${stage.h.demo.siteId}&from=${Date.now() - DAY}&to=${Date.now() + DAY}`;
    const hasIt = async () =>
      (await admin.get<MissedGroups>(`/api/kb/missed?${range}`)).body.groups.some(
        (g) => g.representative.text === question,
      );
    await expect.poll(hasIt, { timeout: 30_000 }).toBe(true);

    const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/kb', locale: 'fa' });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const panel = page.getByRole('region', { name: 'آنچه ربات از دست داد' });
    const group = panel.getByRole('listitem').filter({ hasText: question }).first();
    await showsText(group, 'عکس ترک را بفرستید');
    await group.getByRole('combobox', { name: 'مدخل' }).selectOption('damaged-item');
    await group.getByRole('button', { name: 'افزودن به‌عنوان عبارت' }).click();
    await showsText(page.getByRole('status').first(), 'عبارت افزوده شد');

    const stored = (await stage.h.cascade.kb.all(stage.h.demo.siteId)).find((e) => e.id === 'damaged-item');
    expect(stored?.content.fa?.phrasings).toContain(question);
    const next = await stage.h.visitor();
    const answer = await askBot(next, question);
    expect(answer.bot).toMatchObject({ kind: 'answer', entryId: 'damaged-item' });
    next.close();
    const audit = await admin.get<AuditEntries>(`/api/audit?siteId=${stage.h.demo.siteId}`);
    expect(audit.body.entries.map((e) => [e.action, e.target.entryId])).toContainEqual([
      'POST /api/kb/:entryId/phrasings',
      'damaged-item',
    ]);
  });
});

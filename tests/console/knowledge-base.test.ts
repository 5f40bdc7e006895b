import type { Message } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';
import { send } from './scenario.ts';
import { serverAndBrowser } from '../support/stage.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

const QUESTION = 'How long does delivery take?';
const NEW_ANSWER = 'From today every order arrives within 2 working days, anywhere in the country.';

describe('the knowledge base in the console', () => {
  it('answers visitors with an entry an admin just edited, without a restart', async () => {
    const visitor = await stage.h.visitor();
    await visitor.ok('message:send', send(QUESTION));
    const before = await visitor.next<Message>('message:new', (m) => m.author === 'bot');
    expect(before.bot?.kind).toBe('answer');
    expect(before.text).not.toBe(NEW_ANSWER);

    const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/kb' });
    await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('delivery take');
    await page
      .getByRole('list', { name: 'Entries' })
      .getByRole('button', { name: new RegExp(QUESTION) })
      .click();
    await page.getByRole('tab', { name: /English/, selected: true }).waitFor();
    const answer = page.getByRole('textbox', { name: 'Answer' });
    expect(await answer.inputValue()).toBe(before.text);
    await answer.fill(NEW_ANSWER);
    await page.getByRole('button', { name: 'Save entry' }).click();
    await showsText(page.getByRole('status').first(), 'Entry saved');

    // The bot the visitors talk to has the new text at once.
    await visitor.ok('message:send', send(QUESTION));
    const after = await visitor.next<Message>('message:new', (m) => m.author === 'bot' && m.id !== before.id);
    expect(after.text).toBe(NEW_ANSWER);

    // "Try the bot" agrees, and says how sure it is.
    await page.getByRole('textbox', { name: 'A visitor writes' }).fill(QUESTION);
    await page.getByRole('button', { name: 'Ask the bot' }).click();
    const decision = page.getByRole('status', { name: 'The bot’s decision' });
    await showsText(decision, NEW_ANSWER);
    expect(await decision.textContent()).toMatch(/Answers\s*confidence \d+(\.\d)?%/);

    // The other languages of the entry were kept as they were.
    const stored = (await stage.h.cascade.kb.all(stage.h.demo.siteId)).find((e) => e.id === 'delivery-times');
    expect(stored?.content.en?.answer).toBe(NEW_ANSWER);
    expect(Object.keys(stored?.content ?? {}).sort()).toEqual(['ar', 'en', 'fa']);
    visitor.close();
  });

  it('adds an entry in Persian and deletes it again', async () => {
    const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/kb' });
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByRole('tab', { name: /فارسی/ }).click();
    await page.getByRole('textbox', { name: 'Question' }).fill('آیا کارت هدیه تاریخ انقضا دارد؟');
    await page
      .getByRole('textbox', { name: 'Other ways to ask (one per line)' })
      .fill('انقضای کارت هدیه\nکارت هدیه باطل می‌شود؟');
    await page.getByRole('textbox', { name: 'Answer' }).fill('نه، کارت‌های هدیه هرگز منقضی نمی‌شوند.');
    await page.getByRole('combobox', { name: 'Skill' }).selectOption('billing');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await showsText(page.getByRole('status').first(), 'Entry saved');

    const created = (await stage.h.cascade.kb.all(stage.h.demo.siteId)).find(
      (e) => e.content.fa?.question === 'آیا کارت هدیه تاریخ انقضا دارد؟',
    );
    expect(created).toMatchObject({
      skill: 'billing',
      content: { fa: { phrasings: ['انقضای کارت هدیه', 'کارت هدیه باطل می‌شود؟'] } },
    });
    expect(Object.keys(created?.content ?? {})).toEqual(['fa']);

    await page.getByRole('button', { name: 'Delete entry' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await showsText(page.getByRole('status').first(), 'Entry deleted');
    expect((await stage.h.cascade.kb.all(stage.h.demo.siteId)).some((e) => e.id === created?.id)).toBe(false);
  });

  it('exports CSV and imports it back', async () => {
    const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/kb' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('knowledge-base.csv');
    const file = await download.path();
    await page.getByLabel('Import a JSON or CSV file').setInputFiles(file);
    const count = (await stage.h.cascade.kb.all(stage.h.demo.siteId)).length;
    await showsText(page.getByRole('status').filter({ hasText: 'CSV file' }), `${count} entries in this CSV file`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await showsText(page.getByRole('status').first(), `${count} entries imported`);
  });
});

import { describe, expect, it } from 'vitest';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';
import { serverAndBrowser } from '../support/stage.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

const QUESTION = 'How long does delivery take?';

describe('tags on knowledge-base entries in the console', () => {
  it('gives an entry tags, refuses a bad one by name, and shows them again, in English and Persian', async () => {
    const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/kb' });
    await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('delivery take');
    await page
      .getByRole('list', { name: 'Entries' })
      .getByRole('button', { name: new RegExp(QUESTION) })
      .click();
    const tags = page.getByRole('textbox', { name: 'Tags it gives a chat' });
    await tags.fill('Shipping <b>');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await showsText(page.getByRole('alert'), '“<b>” is not a tag');
    await tags.fill('Shipping, delivery');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await showsText(page.getByRole('status').first(), 'Entry saved');
    const stored = (await stage.h.cascade.kb.all(stage.h.demo.siteId)).find((e) => e.id === 'delivery-times');
    expect(stored?.tags).toEqual(['shipping', 'delivery']);

    const fa = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { locale: 'fa', hash: '#/kb' });
    await fa.getByRole('button', { name: /ارسال سفارش چقدر طول می‌کشد/ }).click();
    expect(await fa.getByRole('textbox', { name: 'برچسب‌هایی که به گفتگو می‌دهد' }).inputValue()).toBe(
      'shipping delivery',
    );
  });
});

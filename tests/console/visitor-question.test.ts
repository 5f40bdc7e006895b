import { describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { fa } from '../../agent-console/src/locales/fa.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { assertConsoleBuilt, openConsole } from './console-page.ts';
import { askBot, namedVisitor, send } from './scenario.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

const cases = {
  en: { console: en, name: 'Rami Saleh', question: 'My sofa arrived with a broken leg, what now?' },
  fa: { console: fa, name: 'Nima Karimi', question: 'مبل من با پایه شکسته رسید، چه کنم؟' },
};

describe.each(['en', 'fa'] as const)('the visitor’s question, in %s', (locale) => {
  const { console: c, name, question } = cases[locale];

  it(
    'is the subject of the chat in the inbox, the chat, the transfer and the ticket it becomes',
    async () => {
      const page = await openConsole(stage.browser, stage.h, 'lina@cedar.example', { locale });
      const visitor = await namedVisitor(stage.h, name);
      await askBot(visitor, question);
      await visitor.ok('conversation:escalate', {});
      // Later words do not replace the subject: it stays the first question.
      await visitor.ok('message:send', send('Hello?'));

      const item = page.locator('.chat-item', { hasText: name });
      await item.locator('.chat-item-subject', { hasText: question }).waitFor();
      await item.click();
      await page.locator('.chat-header .chat-subject', { hasText: question }).waitFor();

      await page.getByRole('button', { name: c['actions.transfer'] }).click();
      await page.getByRole('dialog').getByText(question).waitFor();
      await page.getByRole('dialog').getByRole('button', { name: c['dialog.cancel'] }).click();

      await page.getByRole('button', { name: c['actions.followup'] }).click();
      await page.getByRole('dialog').getByRole('button', { name: c['followup.submit'] }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await page.goto(`${stage.h.url}/console/#/tickets`);
      const row = page.getByRole('row', { name: new RegExp(name) });
      await row.getByRole('cell', { name: question }).waitFor();
      await row.getByRole('link').click();
      const facts = page.locator('dl.facts');
      await facts.getByText(c['tickets.subject']).waitFor();
      expect(await facts.getByText(question).count()).toBe(1);
      visitor.close();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

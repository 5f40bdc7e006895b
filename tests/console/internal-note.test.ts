import { describe, expect, it } from 'vitest';
import type { Message } from '@cascade/shared';
import { en } from '../../agent-console/src/locales/en.ts';
import { fa } from '../../agent-console/src/locales/fa.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';
import { askBot, namedVisitor } from './scenario.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

const cases = { en: { c: en, name: 'Dana Noor' }, fa: { c: fa, name: 'Sima Rad' } };

describe.each(['en', 'fa'] as const)('the internal-note box, in %s', (locale) => {
  const { c, name } = cases[locale];

  it(
    'unticks after the note is sent, so the next message reaches the visitor',
    async () => {
      const page = await openConsole(stage.browser, stage.h, 'lina@cedar.example', { locale });
      const visitor = await namedVisitor(stage.h, name);
      await askBot(visitor, 'Where is my order?');
      await visitor.ok('conversation:escalate', {});
      await page.locator('.chat-item', { hasText: name }).click();

      const box = page.getByRole('checkbox', { name: c['composer.internal'] });
      const composer = page.getByRole('textbox', { name: c['composer.label'] });
      await composer.fill('Check the courier first');
      await box.check();
      await page.getByRole('button', { name: c['composer.send'] }).click();
      await showsText(page.getByRole('log'), 'Check the courier first');
      expect(await box.isChecked()).toBe(false);

      const reply = visitor.next<Message>('message:new', (m) => m.text === 'It left the warehouse today.');
      await composer.fill('It left the warehouse today.');
      await page.getByRole('button', { name: c['composer.send'] }).click();
      await reply;
      visitor.close();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

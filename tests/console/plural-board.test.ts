import { describe, expect, it } from 'vitest';
import { ar } from '../../agent-console/src/locales/ar.ts';
import { en } from '../../agent-console/src/locales/en.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';
import { askBot, escalateTo } from './scenario.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

const cases = {
  en: { c: en, one: '1 chat in progress' },
  ar: { c: ar, one: ar['board.inProgress.one'] },
};

describe.each(['en', 'ar'] as const)('the live board’s counts, in %s', (locale) => {
  const { c, one } = cases[locale];

  it(
    'says "1 chat", not "1 chats", with the plural form of the locale',
    async () => {
      const lina = await stage.h.agent('lina@cedar.example');
      const visitor = await stage.h.visitor();
      await askBot(visitor, 'Where is my order?');
      const chat = await escalateTo(visitor, lina);

      const page = await openConsole(stage.browser, stage.h, 'sara@cedar.example', { locale, hash: '#/dashboard' });
      const summary = page.getByRole('region', { name: c['board.title'] }).getByRole('status');
      await showsText(summary, one);
      expect(await summary.textContent()).not.toContain(locale === 'en' ? '1 chats' : ar['board.inProgress.few']);

      await lina.ok('chat:resolve', { conversationId: chat.conversation.id });
      visitor.close();
      lina.close();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

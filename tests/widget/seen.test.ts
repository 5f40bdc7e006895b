import { describe, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { catalogue as fa } from '../../widget/src/locales/fa.ts';
import { assertConsoleBuilt, openConsole } from '../console/console-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { openChat, openDemo, sendMessage } from '../support/widget-page.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

describe('seen receipts', () => {
  it(
    'tell the visitor the agent read their message and the agent the visitor read theirs, after a reload too',
    async () => {
      const agent = await openConsole(stage.browser, stage.h, 'lina@cedar.example');
      const visitor = await openDemo(stage.browser, stage.h.url);
      await openChat(visitor);
      await sendMessage(visitor, 'I would like to talk to a person about my order');
      await visitor.getByRole('button', { name: 'Talk to a person' }).first().click();

      // The agent opens the chat: the visitor's message is marked seen in the widget.
      await agent.locator('.chat-item').first().click();
      await agent.getByRole('log').getByText('I would like to talk to a person about my order').waitFor();
      const mine = visitor.locator('.row.me').last();
      await mine.getByText('Seen').waitFor();

      // The agent answers; the visitor has the panel open and reads it, and the agent sees that.
      const composer = agent.getByRole('textbox', { name: en['composer.label'] });
      await composer.fill('Hello, Lina here. Let me look.');
      await agent.getByRole('button', { name: en['composer.send'] }).click();
      await visitor.getByText('Hello, Lina here. Let me look.').waitFor();
      await agent.locator('.seen-mark', { hasText: en['chat.seen'] }).waitFor();

      // Both receipts are kept by the server: reloads show them again, and the widget says it in Persian.
      await visitor.reload();
      await visitor.evaluate(() => {
        (window as unknown as { Cascade: (...args: unknown[]) => void }).Cascade('setLocale', 'fa');
      });
      await visitor.locator('.row.me').last().getByText(fa['msg.seen']).waitFor();
      await agent.reload();
      await agent.locator('.chat-item').first().click();
      await agent.locator('.seen-mark', { hasText: en['chat.seen'] }).waitFor();

      await agent.context().close();
      await visitor.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

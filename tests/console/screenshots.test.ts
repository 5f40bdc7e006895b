import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { assertConsoleBuilt, openConsole, showsText, untilOnline } from './console-page.ts';
import {
  askBot,
  escalateTo,
  followUp,
  namedVisitor,
  rate,
  reply,
  resolve,
  send,
  type AgentClient,
} from './scenario.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

const pages: Page[] = [];
const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

async function open(email: string, options: Parameters<typeof openConsole>[3] = {}): Promise<Page> {
  const page = await openConsole(stage.browser, stage.h, email, options);
  pages.push(page);
  return page;
}

/** A morning of work by Omid over sockets, so the dashboard has something to draw. */
async function someHistory(omid: AgentClient): Promise<void> {
  const helped = await namedVisitor(stage.h, 'Nadia Karimi');
  const answer = await askBot(helped, 'How long does delivery take?');
  await helped.ok('bot:feedback', { messageId: answer.id, helpful: true });
  for (const [name, score] of [
    ['Yusuf Demir', 5],
    ['Mina Sato', 4],
    ['Leo Brandt', 2],
  ] as const) {
    const visitor = await namedVisitor(stage.h, name);
    await askBot(visitor, 'My sofa has a scratch on the left arm');
    const chat = await escalateTo(visitor, omid);
    await reply(omid, chat.conversation.id, 'Sorry to hear that, let me look.');
    if (name === 'Leo Brandt') await followUp(omid, chat.conversation.id, 'Needs a replacement part');
    else await resolve(omid, chat.conversation.id);
    await rate(visitor, score);
  }
}

describe('how the console looks', () => {
  it(
    'saves the inbox, a chat with its context, the dashboard, the knowledge base and the Arabic console',
    async () => {
      const watcher = await stage.h.agent('admin@cedar.example');
      const omid = await stage.h.agent('omid@cedar.example');
      await someHistory(omid);
      await omid.ok('agent:status', { status: 'away' });

      const lina = await open('lina@cedar.example');
      await untilOnline(watcher, 'Lina Haddad');
      const alpha = await namedVisitor(stage.h, 'Amira Haddad');
      await alpha.ok('message:send', send('Hi, my order #4471 never arrived and tracking has not moved since Monday.'));
      await alpha.ok('conversation:escalate', {});
      const beta = await namedVisitor(stage.h, 'Reza Tehrani', {
        url: 'https://shop.example/returns',
        title: 'Returns',
      });
      await beta.ok('message:send', send('سلام، می‌خواهم مبل را مرجوع کنم'));
      await beta.ok('conversation:escalate', {});

      const mine = lina.getByRole('list', { name: 'My chats' });
      await mine.getByRole('listitem').nth(1).waitFor();
      await lina.getByRole('button', { name: /Amira Haddad/ }).click();
      await lina.getByRole('textbox', { name: 'Message' }).fill('Hello Amira, I am checking with the courier now.');
      await lina.getByRole('button', { name: 'Send' }).click();
      await showsText(lina.getByRole('log', { name: /Amira Haddad/ }), 'checking with the courier');
      await showsText(lina.getByRole('complementary', { name: 'Visitor details' }), 'Checkout');
      await lina.screenshot({ path: screenshotPath('console-inbox') });
      await lina.getByRole('log', { name: /Amira Haddad/ }).screenshot({ path: screenshotPath('console-transcript') });
      await lina.locator('.chat-layout').screenshot({ path: screenshotPath('console-chat-context') });

      const sara = await open('sara@cedar.example', { hash: '#/dashboard', height: 1250 });
      await showsText(sara.getByRole('group', { name: 'Conversations', exact: true }), '6');
      await showsText(sara.getByRole('table', { name: 'Agents now' }), 'Lina Haddad');
      await sara.screenshot({ path: screenshotPath('console-dashboard') });

      const admin = await open('admin@cedar.example', { hash: '#/kb' });
      await admin.getByRole('button', { name: /How long does delivery take/ }).click();
      await admin.getByRole('tab', { name: /العربية/ }).click();
      expect(await admin.getByRole('textbox', { name: 'Question' }).inputValue()).not.toBe('');
      await admin.getByRole('textbox', { name: 'A visitor writes' }).fill('where is my parcel?');
      await admin.getByRole('button', { name: 'Ask the bot' }).click();
      await showsText(admin.getByRole('status', { name: 'The bot’s decision' }), 'confidence');
      await admin.screenshot({ path: screenshotPath('console-knowledge-base') });

      await admin.goto(`${stage.h.url}/console/#/settings`);
      await admin.getByRole('heading', { name: 'Script tag' }).waitFor();
      await admin.screenshot({ path: screenshotPath('console-settings') });
      await admin.goto(`${stage.h.url}/console/#/agents`);
      await admin.getByRole('row', { name: /Lina Haddad/ }).waitFor();
      await admin.screenshot({ path: screenshotPath('console-agents') });

      const linaAr = await open('lina@cedar.example', { locale: 'ar' });
      await linaAr.locator('html[dir="rtl"]').waitFor({ state: 'attached' });
      await linaAr.getByRole('button', { name: /Reza Tehrani/ }).click();
      await showsText(linaAr.getByRole('log', { name: /Reza Tehrani/ }), 'مرجوع');
      await linaAr.screenshot({ path: screenshotPath('console-arabic') });
      const saraAr = await open('sara@cedar.example', { locale: 'ar', hash: '#/dashboard', height: 1250 });
      // Arabic counts in Arabic-Indic digits: ٦ is 6.
      await showsText(saraAr.getByRole('group', { name: 'المحادثات', exact: true }), '٦');
      await showsText(saraAr.getByRole('table', { name: 'الموظفون الآن' }), 'Lina Haddad');
      await saraAr.screenshot({ path: screenshotPath('console-dashboard-arabic') });

      for (const v of [alpha, beta]) v.close();
      omid.close();
      watcher.close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

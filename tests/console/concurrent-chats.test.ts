import type { Message } from '@cascade/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assertConsoleBuilt, openConsole, showsText, untilOnline } from './console-page.ts';
import { namedVisitor, send, type Visitor } from './scenario.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

const mine = (page: Page) => page.getByRole('list', { name: 'My chats' });
const chatItem = (page: Page, name: string) => mine(page).getByRole('button', { name: new RegExp(name) });
const transcript = (page: Page, name: string) => page.getByRole('log', { name: `Conversation with ${name}` });
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });

async function open(page: Page, name: string): Promise<void> {
  await chatItem(page, name).click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

/** The visitor's side has received the agent's message with this text. */
const receives = (visitor: Visitor, text: string) => visitor.next<Message>('message:new', (m) => m.text === text);
const texts = (visitor: Visitor) => visitor.seen<Message>('message:new').map((m) => m.text);

describe('one agent, three chats at once', () => {
  it(
    'keeps messages, unread counts and drafts apart, and never shows the visitor an internal note',
    async () => {
      const watcher = await stage.h.agent('admin@cedar.example');
      const page = await openConsole(stage.browser, stage.h, 'lina@cedar.example');
      await untilOnline(watcher, 'Lina Haddad');

      const names = ['Amira Haddad', 'Reza Tehrani', 'Noor Saleh'] as const;
      const visitors: Record<string, Visitor> = {};
      for (const name of names) {
        const visitor = await namedVisitor(stage.h, name);
        await visitor.ok('message:send', send(`${name} here, I need a person please`));
        await visitor.ok('conversation:escalate', {});
        visitors[name] = visitor;
      }
      const [amira, reza, noor] = names.map((n) => visitors[n]!);
      await mine(page).getByRole('listitem').nth(2).waitFor();
      // Reading each chat once clears what arrived before this test looks at the counts.
      for (const name of [...names].reverse()) await open(page, name);

      // Amira's chat is open; Reza writes twice and Noor once.
      await reza!.ok('message:send', send('Reza: the sofa is the wrong colour'));
      await reza!.ok('message:send', send('Reza: order 2207'));
      await noor!.ok('message:send', send('Noor: can I change my address?'));
      await amira!.ok('message:send', send('Amira: parcel 4471 is late'));
      await chatItem(page, 'Reza Tehrani').getByLabel('2 unread').waitFor();
      await chatItem(page, 'Noor Saleh').getByLabel('1 unread').waitFor();
      await showsText(transcript(page, 'Amira Haddad'), 'Amira: parcel 4471 is late');
      expect(
        await chatItem(page, 'Amira Haddad')
          .getByLabel(/unread/)
          .count(),
      ).toBe(0);
      await showsText(page.getByRole('link', { name: /Inbox/ }), '3');

      // Each message is in its own chat and nowhere else.
      const amiraLog = await transcript(page, 'Amira Haddad').textContent();
      expect(amiraLog).not.toContain('Reza:');
      expect(amiraLog).not.toContain('Noor:');
      await open(page, 'Reza Tehrani');
      await showsText(transcript(page, 'Reza Tehrani'), 'Reza: order 2207');
      expect(await transcript(page, 'Reza Tehrani').textContent()).not.toMatch(/Amira:|Noor:/);
      expect(
        await chatItem(page, 'Reza Tehrani')
          .getByLabel(/unread/)
          .count(),
      ).toBe(0);
      await chatItem(page, 'Noor Saleh').getByLabel('1 unread').waitFor();

      // Drafts belong to their chat.
      await composer(page).fill('Reza, a courier will collect the sofa on Thursday.');
      await open(page, 'Amira Haddad');
      expect(await composer(page).inputValue()).toBe('');
      await composer(page).fill('Amira, I am asking the courier now.');
      await open(page, 'Noor Saleh');
      expect(await composer(page).inputValue()).toBe('');
      await open(page, 'Reza Tehrani');
      expect(await composer(page).inputValue()).toBe('Reza, a courier will collect the sofa on Thursday.');
      await open(page, 'Amira Haddad');
      expect(await composer(page).inputValue()).toBe('Amira, I am asking the courier now.');

      // An internal note stays with the agents; the reply after it reaches Amira alone.
      const note = 'Customer sounded upset, offer the 10% voucher';
      await composer(page).fill(note);
      await page.getByRole('checkbox', { name: 'Internal note' }).check();
      await page.getByRole('button', { name: 'Send' }).click();
      await showsText(transcript(page, 'Amira Haddad'), note);
      await page.getByRole('checkbox', { name: 'Internal note' }).uncheck();
      await composer(page).fill('Amira, I am asking the courier now.');
      await page.getByRole('button', { name: 'Send' }).click();
      await receives(amira!, 'Amira, I am asking the courier now.');
      expect(texts(amira!)).not.toContain(note);

      await open(page, 'Reza Tehrani');
      await page.getByRole('button', { name: 'Send' }).click();
      await receives(reza!, 'Reza, a courier will collect the sofa on Thursday.');
      for (const visitor of [reza!, noor!]) {
        expect(texts(visitor)).not.toContain(note);
        expect(texts(visitor)).not.toContain('Amira, I am asking the courier now.');
      }
      expect(texts(amira!)).not.toContain('Reza, a courier will collect the sofa on Thursday.');
      expect(await composer(page).inputValue()).toBe('');

      for (const visitor of [amira!, reza!, noor!]) visitor.close();
      watcher.close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

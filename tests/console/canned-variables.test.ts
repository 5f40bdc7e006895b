import type { Agent, CannedReply, Message } from '@cascade/shared';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { restClient } from '../support/rest.ts';
import { assertConsoleBuilt, openConsole, untilOnline } from './console-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

const identity = (secret: string, name: string) =>
  new SignJWT({ name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('mina')
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret));

describe('canned replies with variables, and chats routed by language', () => {
  it(
    'gives the Persian visitor to the Persian-speaking agent, fills the names in, and carries an edit to every console',
    async () => {
      const { h } = stage;
      const site = h.demo.siteId;
      const admin = restClient(h.url, await h.login('admin@cedar.example'));
      const { body } = await admin.get<{ agents: Agent[] }>(`/api/agents?siteId=${site}`);
      const idOf = (email: string) => body.agents.find((a) => a.email === email)?.id ?? '';
      for (const [email, languages] of [
        ['lina@cedar.example', ['en']],
        ['omid@cedar.example', ['fa']],
      ] as const) {
        expect((await admin.patch(`/api/agents/${idOf(email)}`, { siteId: site, languages })).status).toBe(200);
      }
      const english = await admin.post<{ reply: CannedReply }>(`/api/canned?siteId=${site}`, {
        shortcut: 'greet',
        language: 'en',
        text: 'Hello {{visitor.name}}, I am {{agent.name}} from {{site.name}}.',
      });
      await admin.post(`/api/canned?siteId=${site}`, {
        shortcut: 'greet',
        language: 'fa',
        text: 'سلام {{visitor.name}}، من {{agent.name}} هستم.',
      });

      const watcher = await h.agent('admin@cedar.example');
      const lina = await openConsole(stage.browser, h, 'lina@cedar.example');
      await untilOnline(watcher, 'Lina Haddad');
      const omid = await openConsole(stage.browser, h, 'omid@cedar.example', { locale: 'fa' });
      await untilOnline(watcher, 'Omid Rahimi');

      // Lina came online first (idle longer), yet the Persian visitor goes to Omid, who answers in Persian.
      const secret = (await h.cascade.sites.secrets(site))?.identitySecret ?? '';
      const mina = await h.visitor({ locale: 'fa', identity: await identity(secret, 'Mina') });
      const { conversation } = await mina.ok<{ conversation: { id: string } }>('conversation:escalate', {});
      await watcher.next<{ board: { agents: { name: string; load: number }[] } }>('board:update', (u) =>
        u.board.agents.some((a) => a.name === 'Omid Rahimi' && a.load === 1),
      );
      expect(await h.cascade.routing.assignee(site, conversation.id)).toBe(idOf('omid@cedar.example'));

      await omid.getByRole('list', { name: 'گفتگوهای من' }).getByRole('listitem').first().waitFor();
      const persianComposer = omid.getByRole('textbox', { name: 'پیام' });
      await persianComposer.pressSequentially('/greet');
      await omid.getByRole('listbox', { name: 'پاسخ‌های آماده' }).waitFor();
      await persianComposer.press('Enter');
      expect(await persianComposer.inputValue()).toBe('سلام Mina، من Omid Rahimi هستم.');
      await persianComposer.press('Enter');
      const persian = await mina.next<Message>('message:new', (m) => m.author === 'agent');
      expect(persian.text).toBe('سلام Mina، من Omid Rahimi هستم.');

      // An anonymous English visitor: the unknown name becomes the English fallback, never {{visitor.name}}.
      const guest = await h.visitor({ locale: 'en' });
      await guest.ok('conversation:escalate', {});
      await lina.getByRole('list', { name: 'My chats' }).getByRole('listitem').first().waitFor();
      const composer = lina.getByRole('textbox', { name: 'Message' });
      await composer.pressSequentially('/greet');
      await lina.getByRole('listbox', { name: 'Canned replies' }).waitFor();
      await composer.press('Enter');
      expect(await composer.inputValue()).toBe('Hello there, I am Lina Haddad from Cedar & Co..');
      await composer.fill('');

      // The admin edits the reply; Lina's open console offers the new text without a reload.
      const edited = await admin.put(`/api/canned/${english.body.reply.id}?siteId=${site}`, {
        shortcut: 'greet',
        language: 'en',
        text: 'Hi {{visitor.name}}, {{agent.name}} here.',
      });
      expect(edited.status).toBe(200);
      await composer.pressSequentially('/gre');
      const options = lina.getByRole('listbox', { name: 'Canned replies' }).getByRole('option');
      await expect
        .poll(() => options.allTextContents(), { timeout: STEP_TIMEOUT_MS })
        .toContain('/greetenHi {{visitor.name}}, {{agent.name}} here.');
      await composer.press('Enter');
      expect(await composer.inputValue()).toBe('Hi there, Lina Haddad here.');
      await composer.press('Enter');
      const sent = await guest.next<Message>('message:new', (m) => m.author === 'agent');
      expect(sent.text).toBe('Hi there, Lina Haddad here.');

      mina.close();
      guest.close();
      watcher.close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

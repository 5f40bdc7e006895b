import axe from 'axe-core';
import type { Message } from '@cascade/shared';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { fa } from '../../agent-console/src/locales/fa.ts';
import { WebhookReceiver } from '../delivery/receiver.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { assertConsoleBuilt, openConsole, showsText, untilOnline } from './console-page.ts';
import { askBot, escalateTo, namedVisitor, send, type AgentClient } from './scenario.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });
const everySkill = ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({ skill, level: 1 }));
const ADMIN = 'admin@cedar.example';

let receiver: WebhookReceiver;
let watcher: AgentClient;
beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  // The admin has no skills: their socket watches the board and is never given a chat.
  watcher = await stage.h.agent(ADMIN);
});
afterAll(async () => {
  watcher.close();
  await receiver.close();
});

/** The all-chats row of a visitor. */
const rowOf = (page: Page, name: string): Locator => page.getByRole('row').filter({ hasText: name });

describe('supervision in the console', () => {
  it(
    'lists chats live, monitors unseen, whispers to the agent, respects caps and takes the chat over',
    async () => {
      const { h } = stage;
      const lina = await openConsole(stage.browser, h, 'lina@cedar.example', { hash: '#/chats' });
      await untilOnline(watcher, 'Lina Haddad');
      const dana = await namedVisitor(h, 'Dana Noor');
      await askBot(dana, 'My parcel never arrived');
      await dana.ok('conversation:escalate', {});
      await lina.locator('.chat-item', { hasText: 'Dana Noor' }).click();

      const boss = await openConsole(stage.browser, h, ADMIN, { hash: '#/supervise' });
      await showsText(rowOf(boss, 'Dana Noor'), 'Lina Haddad');

      // Nika takes the next chat and is then at her limit of one; the list shows it without a reload.
      const nika = await h.newAgent({ skills: everySkill, maxChats: 1, name: 'Nika Full' });
      const omar = await namedVisitor(h, 'Omar Said');
      await escalateTo(omar, nika);
      await showsText(rowOf(boss, 'Omar Said'), 'Nika Full');

      // Monitoring: the supervisor reads the chat live; Lina sees who is looking.
      await boss.getByRole('link', { name: 'Dana Noor' }).click();
      await showsText(boss.getByRole('log'), 'My parcel never arrived');
      await showsText(lina.getByRole('status'), en['viewers.also'].replace('{names}', 'Adam Clarke'));
      // The collision shows in Lina's inbox row as well, where she sees it before opening the chat.
      await showsText(
        lina.locator('.chat-item', { hasText: 'Dana Noor' }),
        en['viewers.also'].replace('{names}', 'Adam Clarke'),
      );
      await dana.ok('message:send', send('Is anyone there?'));
      await showsText(boss.getByRole('log'), 'Is anyone there?');

      // A whisper reaches Lina at once.
      await boss.getByRole('textbox', { name: en['monitor.whisper'] }).fill('Offer the express resend');
      await boss.getByRole('button', { name: en['monitor.sendWhisper'] }).click();
      await showsText(lina.getByRole('log'), 'Offer the express resend');

      // Reassigning to an agent at her limit is refused, and says why.
      await boss
        .getByRole('combobox', { name: en['monitor.reassignTo'] })
        .selectOption({ label: 'Nika Full (1 of 1)' });
      await boss.getByRole('button', { name: en['monitor.reassign'] }).click();
      await showsText(boss.getByRole('alert'), 'Nika Full is at their chat limit');

      // Taking over: the visitor reads only that Adam joined; the chat leaves Lina's inbox.
      const joined = dana.next<Message>('message:new', (m) => m.event === 'claimed' && m.text.includes('Adam'));
      await boss.getByRole('button', { name: en['monitor.takeOver'] }).click();
      expect((await joined).text).toBe('Adam Clarke joined the chat');
      await lina.locator('.chat-item', { hasText: 'Dana Noor' }).waitFor({ state: 'detached' });

      const { messages } = await dana.ok<{ messages: Message[] }>('messages:sync', { after: null });
      expect(messages.map((m) => m.text)).not.toContain('Offer the express resend');
      expect(messages.filter((m) => m.event === 'claimed').map((m) => m.text)).toEqual([
        'Lina Haddad joined the chat',
        'Adam Clarke joined the chat',
      ]);
      for (const c of [dana, omar, nika]) c.close();
      await lina.context().close();
      await boss.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'shows a running SLA clock that turns overdue, and sends sla.breached to the webhook',
    async () => {
      const { h } = stage;
      const policy = { firstResponseSeconds: 3, nextReplySeconds: null, resolutionSeconds: 3600 };
      await h.configureSite({
        sinks: { webhookUrl: receiver.url, supportEmail: null, emailVisitors: false },
        slaPolicies: [0, 2, 5].map((priority) => ({ priority, ...policy })),
      });
      const lale = await h.newAgent({ skills: everySkill, maxChats: 5, name: 'Lale Quiet' });
      const boss = await openConsole(stage.browser, h, ADMIN, { hash: '#/supervise' });
      const rana = await namedVisitor(h, 'Rana Wait');
      const chat = await escalateTo(rana, lale);
      await showsText(rowOf(boss, 'Rana Wait'), en['sla.kind.first_response']);
      await showsText(rowOf(boss, 'Rana Wait'), /overdue/);
      const hit = await receiver.next(
        (x) => x.payload.type === 'sla.breached' && x.payload.data.conversation.id === chat.conversation.id,
        30_000,
      );
      expect(hit.payload).toMatchObject({ data: { kind: 'first_response', agent: { name: 'Lale Quiet' } } });
      rana.close();
      lale.close();
      await boss.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    "shows the next SLA clock in the inbox row, in the agent's digits, and it turns overdue",
    async () => {
      const { h } = stage;
      const policy = { firstResponseSeconds: 4, nextReplySeconds: null, resolutionSeconds: 3600 };
      await h.configureSite({ slaPolicies: [0, 2, 5].map((priority) => ({ priority, ...policy })) });
      const lina = await openConsole(stage.browser, h, 'lina@cedar.example', { locale: 'fa' });
      await untilOnline(watcher, 'Lina Haddad');
      const sima = await namedVisitor(h, 'Sima Clock');
      await askBot(sima, 'Where is my refund?');
      await sima.ok('conversation:escalate', {});
      const row = lina.locator('.chat-item', { hasText: 'Sima Clock' });
      await showsText(row, fa['sla.kind.first_response']);
      const clock = row.locator('.sla-clock.overdue');
      await clock.waitFor();
      // Persian digits, as everywhere else in the Persian console.
      expect(await clock.textContent()).toMatch(/[۰-۹]/);
      sima.close();
      await lina.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it.each(['en', 'ar'] as const)(
    'has no serious or critical axe finding on the all-chats page in %s',
    async (locale) => {
      const { h } = stage;
      const agent = await h.newAgent({ skills: everySkill, maxChats: 5, name: 'Axe Agent' });
      const visitor = await namedVisitor(h, 'Axe Visitor');
      await escalateTo(visitor, agent);
      const page = await openConsole(stage.browser, h, ADMIN, { locale, hash: '#/supervise' });
      await showsText(rowOf(page, 'Axe Visitor'), 'Axe Agent');
      // Evaluated through the browser's protocol: the console's CSP rightly refuses inline scripts.
      await page.evaluate(axe.source);
      const violations = await page.evaluate(async () => {
        const run = (window as unknown as { axe: typeof axe }).axe.run;
        const result = await run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.html) }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      visitor.close();
      agent.close();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  describe.each([
    ['en', en],
    ['fa', fa],
  ] as const)('at 768 and 1280 px in %s', (locale, c) => {
    it.each([768, 1280])(
      'keeps the filters and the list on screen at %i px, without sideways scrolling',
      async (width) => {
        const page = await openConsole(stage.browser, stage.h, ADMIN, { locale, hash: '#/supervise', width });
        const filter = page.getByRole('combobox', { name: c['allChats.agent'] });
        await filter.waitFor();
        const box = await filter.boundingBox();
        expect(box).not.toBeNull();
        if (box) {
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(width);
        }
        await page.getByRole('table', { name: c['allChats.title'] }).waitFor();
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(scroll).toBeLessThanOrEqual(client);
        await page.context().close();
      },
      SCENARIO_TIMEOUT_MS,
    );
  });
});

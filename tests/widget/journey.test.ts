import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BotDecision, ChatSummary, KbEntry } from '@cascade/shared';
import { SignJWT } from 'jose';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { Mailbox } from '../delivery/smtp.ts';
import { startCascade } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';
import { openChat, openDemo, sendMessage } from '../support/widget-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

let mailbox: Mailbox;
const stage = serverAndBrowser({
  start: () => startCascade({ SMTP_URL: mailbox.url, MAIL_FROM: 'Cedar Support <support@cedar.example>' }),
  before: async () => {
    mailbox = await Mailbox.start();
  },
});
afterAll(async () => {
  await (mailbox as Mailbox | undefined)?.close();
});

const kb = JSON.parse(
  readFileSync(new URL('../../server/src/demo/knowledge-base.json', import.meta.url), 'utf8'),
) as KbEntry[];
const tracking = kb.find((e) => e.id === 'order-tracking')!.content.en!;
const delivery = kb.find((e) => e.id === 'delivery-times')!.content.en!;

/** Asks for a person with nobody online, then chooses to keep waiting. */
async function waitInLine(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Talk to a person' }).first().click();
  await page.getByText('Nobody is free right now.').waitFor();
  await page.getByLabel('Email').waitFor();
  await page.getByRole('button', { name: 'Keep waiting' }).click();
}

it(
  'takes a visitor from a vague question via the queue to an agent, a rating and an emailed transcript',
  async () => {
    // "order" matches several entries only in part: the bot suggests instead of answering.
    const admin = restClient(stage.h.url, await stage.h.login('admin@cedar.example'));
    const { body } = await admin.post<{ decision: BotDecision }>('/api/kb/try', {
      siteId: stage.h.demo.siteId,
      text: 'order',
      locale: 'en',
    });
    expect(body.decision.kind).toBe('suggest');
    if (body.decision.kind === 'suggest')
      expect(body.decision.suggestions.map((s) => s.entryId)).toContain('order-tracking');

    const first = await openDemo(stage.browser, stage.h.url);
    // Maya is signed in on the shop: her transcript can go to the address her sign-in vouches for.
    const secret = (await stage.h.cascade.sites.secrets(stage.h.demo.siteId))!.identitySecret;
    const identity = await new SignJWT({ name: 'Maya', email: 'maya@example.com' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('maya')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(secret));
    await first.evaluate((token) => {
      (window as unknown as { Cascade: (...args: unknown[]) => void }).Cascade('identify', { token });
    }, identity);
    await openChat(first);
    await sendMessage(first, 'order');
    await first.getByText('Does one of these help?').waitFor();
    await first.getByRole('button', { name: tracking.question }).click();
    await first.getByText(tracking.answer).waitFor();

    await waitInLine(first);
    await first.getByText('You are number 1 in line.').waitFor();

    const second = await openDemo(stage.browser, stage.h.url);
    await openChat(second);
    await sendMessage(second, delivery.question);
    await second.getByText(delivery.answer).waitFor();
    await waitInLine(second);
    await second.getByText('You are number 2 in line.').waitFor();

    // An agent with room for one chat comes online: the first chat is taken, the second moves up live.
    const agent = await stage.h.newAgent({
      name: 'Rana',
      skills: [
        { skill: 'shipping', level: 1 },
        { skill: 'general', level: 1 },
      ],
      maxChats: 1,
    });
    const assigned = await agent.next<ChatSummary>('chat:assigned');
    const conversationId = assigned.conversation.id;
    await first.getByText('Rana joined the chat.').waitFor();
    await second.getByText('You are number 1 in line.').waitFor();

    await agent.ok('chat:send', {
      conversationId,
      clientMsgId: randomUUID(),
      text: 'Hi, Rana here. Which order is it?',
    });
    await first.getByText('Hi, Rana here. Which order is it?').waitFor();
    await agent.ok('chat:resolve', { conversationId });
    await first.getByRole('log').getByText('The chat has ended.').waitFor();

    await first.getByRole('radio', { name: '4 of 5' }).check();
    await first.getByLabel('Comment (optional)').fill('Quick and kind.');
    await first.getByRole('button', { name: 'Send rating' }).click();
    await first.getByText('Thanks for your feedback!').waitFor();
    const stored = await stage.h.cascade.conversations.get(conversationId);
    expect(stored?.csat).toMatchObject({ score: 4, comment: 'Quick and kind.' });

    // No free address field: the transcript is offered to the visitor's own address only.
    await first.getByRole('button', { name: 'Email the transcript to maya@example.com' }).click();
    await first.getByText('Sent to maya@example.com.').waitFor();
    const mail = await mailbox.next((m) => JSON.stringify(m.to).includes('maya@example.com'));
    expect(mail.text).toContain('Hi, Rana here. Which order is it?');
    await first.screenshot({ path: screenshotPath('widget-journey') });

    await first.context().close();
    await second.context().close();
  },
  SCENARIO_TIMEOUT_MS,
);

import { readFileSync } from 'node:fs';
import type { AgentSkill, ChatSummary, KbEntry } from '@cascade/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { composer, openChat, openDemo, sendMessage } from '../support/widget-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser();
const general: AgentSkill[] = [
  { skill: 'shipping', level: 1 },
  { skill: 'general', level: 1 },
];
const kb = JSON.parse(
  readFileSync(new URL('../../server/src/demo/knowledge-base.json', import.meta.url), 'utf8'),
) as KbEntry[];
const international = kb.find((e) => e.id === 'international-shipping')!.content.en!;
const connecting = 'Connecting you with a person…';

/** A vague word gets suggestions; with nobody online, asking for a person offers the ticket. */
async function offeredTicket(): Promise<Page> {
  const page = await openDemo(stage.browser, stage.h.url);
  await openChat(page);
  await sendMessage(page, 'order');
  await page.getByText('Does one of these help?').waitFor();
  // The bot's line says it is unsure; the one question is the one above the suggestions.
  await page.locator('.row:not(.me) .bubble', { hasText: 'I am not sure I understood.' }).waitFor();
  expect(await page.getByText(/one of these/).count()).toBe(1);
  await page.getByRole('button', { name: 'Talk to a person' }).first().click();
  await page.getByText('Nobody is free right now.').waitFor();
  await page.getByText(connecting).waitFor();
  return page;
}

describe('widget polish', () => {
  it(
    'asks once under suggestions, and drops "Connecting…" once the ticket is made',
    async () => {
      const page = await offeredTicket();
      await page.getByLabel('Email').fill('visitor@example.com');
      await page.getByLabel('Email').press('Enter');
      await page.getByText(/Ticket #\d+ created/).waitFor();
      await expect.poll(() => page.getByText(connecting).count()).toBe(0);
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    "starts a new conversation under a divider, without the last one's error",
    async () => {
      const page = await offeredTicket();
      // The browser lets this address through; the server does not.
      await page.getByLabel('Email').fill('visitor@localhost');
      await page.getByLabel('Email').press('Enter');
      await page.getByText('Something went wrong. Try again.').waitFor();

      const agent = await stage.h.newAgent({ skills: general, name: 'Rana' });
      const chat = await agent.next<ChatSummary>('chat:assigned');
      await page.getByText('Rana joined the chat.').waitFor();
      await expect.poll(() => page.getByText(connecting).count()).toBe(0);
      await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
      await page.getByText('How was this chat?').waitFor();

      // Sent with its own button: the rating form's "Send rating" is on the page too.
      await composer(page).fill(international.question);
      await page.locator('button.send').click();
      await page.locator('.row:not(.me) .bubble', { hasText: international.answer }).waitFor();
      const divider = page.getByRole('separator');
      await expect.poll(() => divider.textContent()).toBe('New conversation');
      expect(await page.getByText('Something went wrong. Try again.').count()).toBe(0);
      // The divider sits between the old conversation's end and the new question.
      const order = await page
        .locator('.log > *')
        .evaluateAll(
          (rows, q) =>
            rows.map((r) => (r.getAttribute('role') === 'separator' ? '|' : r.textContent.includes(q) ? 'Q' : '')),
          international.question,
        );
      expect(order.filter(Boolean)).toEqual(['|', 'Q']);

      await agent.ok('agent:status', { status: 'away' });
      agent.close();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

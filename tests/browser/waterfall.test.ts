import { readFileSync } from 'node:fs';
import type { KbEntry } from '@cascade/shared';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { browserContext, SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser();

const kb = JSON.parse(
  readFileSync(new URL('../../server/src/demo/knowledge-base.json', import.meta.url), 'utf8'),
) as KbEntry[];
const delivery = kb.find((e) => e.id === 'delivery-times')!.content.en!;

async function consoleLogin(page: Page, email: string) {
  const password = stage.h.demo.accounts.find((a) => a.email === email)!.password;
  await page.goto(`${stage.h.url}/console/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('list', { name: 'My chats' }).waitFor();
}

it('plays the whole waterfall in the widget and the console', async () => {
  const agentPage = await (await browserContext(stage.browser, { viewport: { width: 1280, height: 800 } })).newPage();
  const visitorPage = await (await browserContext(stage.browser, { viewport: { width: 1280, height: 800 } })).newPage();
  await consoleLogin(agentPage, 'lina@cedar.example');

  await visitorPage.goto(`${stage.h.url}/demo`);
  await visitorPage.getByRole('button', { name: 'Open chat' }).click();
  const composer = visitorPage.getByPlaceholder('Write a message…');
  await composer.fill(delivery.question);
  await visitorPage.getByRole('button', { name: 'Send' }).click();

  // The bot answers from the knowledge base, with the two ways on.
  await visitorPage.getByText(delivery.answer).waitFor();
  await visitorPage.getByRole('button', { name: 'That helped' }).waitFor();
  await visitorPage.getByRole('button', { name: 'Talk to a person' }).first().click();

  // The level-1 agent gets the chat with the bot part, and replies.
  await agentPage.getByText(delivery.question).first().waitFor();
  await agentPage.getByText(delivery.answer).first().waitFor();
  await agentPage.getByLabel('Message').fill('Hi, I am Lina. Which order is it about?');
  await agentPage.getByRole('button', { name: 'Send' }).click();
  await visitorPage.getByText('Hi, I am Lina. Which order is it about?').waitFor();

  await composer.fill('Order 1042, the oak table.');
  await visitorPage.getByRole('button', { name: 'Send' }).click();
  await agentPage.getByText('Order 1042, the oak table.').first().waitFor();

  // The agent can't solve it now: a ticket with the whole story, and its number for the visitor.
  await agentPage.getByRole('button', { name: 'Needs follow-up' }).click();
  await agentPage.getByRole('dialog').getByLabel('Note').fill('Ask the warehouse about order 1042');
  await agentPage.getByRole('button', { name: 'Create ticket' }).click();
  const ticketLine = visitorPage.getByText(/Ticket #\d+ created/);
  await ticketLine.waitFor();
  const number = Number((await ticketLine.textContent())?.match(/#(\d+)/)?.[1]);
  expect(number).toBeGreaterThan(0);

  await visitorPage.screenshot({ path: screenshotPath('waterfall-visitor') });
  await agentPage.screenshot({ path: screenshotPath('waterfall-agent') });

  // The ticket is in the console's list and in the API, with the transcript.
  await agentPage
    .getByRole('link', { name: 'Tickets' })
    .or(agentPage.getByRole('button', { name: 'Tickets' }))
    .first()
    .click();
  await agentPage.getByText(`#${number}`).first().waitFor();
  const tickets = (await (await agentPage.request.get(`${stage.h.url}/api/tickets`)).json()) as {
    tickets: { number: number; id: string }[];
  };
  const ticket = tickets.tickets.find((t) => t.number === number);
  expect(ticket).toBeDefined();
  const detail = (await (await agentPage.request.get(`${stage.h.url}/api/tickets/${ticket!.id}`)).json()) as {
    ticket: { transcript: { text: string }[] };
  };
  const texts = detail.ticket.transcript.map((m) => m.text);
  expect(texts).toEqual(expect.arrayContaining([delivery.question, delivery.answer, 'Order 1042, the oak table.']));

  // A reload keeps the conversation.
  await visitorPage.reload();
  const reopen = visitorPage.getByRole('button', { name: 'Open chat' });
  if (await reopen.isVisible()) await reopen.click();
  await visitorPage.getByText('Order 1042, the oak table.').waitFor();
  await visitorPage.getByText(/Ticket #\d+ created/).waitFor();
  await agentPage.context().close();
  await visitorPage.context().close();
}, 120_000);

it(
  'keeps the agent’s open chats across a console reload',
  async () => {
    const agentPage = await (await browserContext(stage.browser)).newPage();
    await consoleLogin(agentPage, 'lina@cedar.example');
    const visitorPage = await (await browserContext(stage.browser)).newPage();
    await visitorPage.goto(`${stage.h.url}/demo`);
    await visitorPage.getByRole('button', { name: 'Open chat' }).click();
    await visitorPage.getByPlaceholder('Write a message…').fill('Hello there');
    await visitorPage.getByRole('button', { name: 'Send' }).click();
    await visitorPage.getByRole('button', { name: 'Talk to a person' }).first().click();
    const mine = agentPage.getByRole('list', { name: 'My chats' }).getByRole('listitem');
    await expect.poll(() => mine.count(), { timeout: STEP_TIMEOUT_MS }).toBe(1);
    await mine.first().click();
    await agentPage.getByText('Hello there').first().waitFor();
    await agentPage.reload();
    await agentPage.getByText('Hello there').first().waitFor();
  },
  SCENARIO_TIMEOUT_MS,
);

import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../../agent-console/src/locales/en.ts';
import { fa } from '../../agent-console/src/locales/fa.ts';
import { Mailbox, recipient } from '../delivery/smtp.ts';
import { startCascade } from '../support/harness.ts';
import { serverAndBrowser, type Stage } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { assertConsoleBuilt, openConsole } from './console-page.ts';
import { askBot, escalateTo, followUp, namedVisitor } from './scenario.ts';

const catalogues = { en, fa };

/** A ticket of a visitor with a known address, open in Lina's console in `locale`. */
async function ticketPage(stage: Stage, name: string, locale: 'en' | 'fa'): Promise<{ page: Page; email: string }> {
  const lina = await stage.h.agent('lina@cedar.example');
  const visitor = await namedVisitor(stage.h, name);
  await askBot(visitor, 'Can I return a sofa?');
  const chat = await escalateTo(visitor, lina);
  const ticket = await followUp(lina, chat.conversation.id, 'Answer about the return');
  visitor.close();
  lina.close();
  const page = await openConsole(stage.browser, stage.h, 'lina@cedar.example', {
    locale,
    hash: `#/tickets/${ticket.id}`,
  });
  return { page, email: ticket.visitor.email ?? '' };
}

async function sendReply(page: Page, locale: 'en' | 'fa', text: string): Promise<void> {
  const c = catalogues[locale];
  const form = page.getByRole('region', { name: c['reply.title'] });
  await form.getByRole('textbox').fill(text);
  await form.getByRole('button', { name: c['reply.send'] }).click();
}

describe('a ticket reply on a server that cannot send email', () => {
  const stage = serverAndBrowser({ before: assertConsoleBuilt, start: () => startCascade({ LOG_LEVEL: 'fatal' }) });

  it.each(['en', 'fa'] as const)(
    'says plainly in %s that the email was not sent, why, and offers a retry',
    async (locale) => {
      const c = catalogues[locale];
      const { page } = await ticketPage(stage, `No Mail ${locale}`, locale);
      await sendReply(page, locale, 'Yes, within 30 days.');
      const history = page.getByRole('region', { name: c['tickets.history'] });
      const failure = history.getByRole('alert');
      await failure.getByText(c['reply.state.failed']).waitFor();
      await failure.getByText(c['reply.noSmtp']).waitFor();

      // A retry is tried again for real, and fails again for the same reason: still shown as not sent.
      await failure.getByRole('button', { name: c['deliveries.retry'] }).click();
      await failure.getByText(c['reply.noSmtp']).waitFor();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

describe('a ticket reply on a server with SMTP', () => {
  let mailbox: Mailbox;
  const stage = serverAndBrowser({
    before: async () => {
      assertConsoleBuilt();
      mailbox = await Mailbox.start();
    },
    start: () => startCascade({ SMTP_URL: mailbox.url, DELIVERY_BACKOFF_MS: '20' }),
  });

  it(
    'shows the reply as sent once the email is out',
    async () => {
      const { page, email } = await ticketPage(stage, 'Mail Yes', 'en');
      const answer = 'Your refund is on its way.';
      await sendReply(page, 'en', answer);
      await mailbox.next((m) => recipient(m) === email && m.text?.includes(answer) === true);
      const history = page.getByRole('region', { name: en['tickets.history'] });
      await history.getByText(en['reply.state.delivered'].replace('{email}', email)).waitFor();
      await page.context().close();
      await mailbox.close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

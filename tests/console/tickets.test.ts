import { afterAll, describe, expect, it } from 'vitest';
import { Mailbox, recipient } from '../delivery/smtp.ts';
import { startCascade } from '../support/harness.ts';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';
import { askBot, escalateTo, followUp, namedVisitor, reply } from './scenario.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

let mailbox: Mailbox;
const stage = serverAndBrowser({
  start: () => startCascade({ SMTP_URL: mailbox.url, DELIVERY_BACKOFF_MS: '20' }),
  before: async () => {
    assertConsoleBuilt();
    mailbox = await Mailbox.start();
  },
});
afterAll(async () => {
  await (mailbox as Mailbox | undefined)?.close();
});

describe('a ticket in the console', () => {
  it(
    'lets a supervisor set it pending, assign it and reply by email, all in the history',
    async () => {
      const lina = await stage.h.agent('lina@cedar.example');
      const visitor = await namedVisitor(stage.h, 'Huda Karimi');
      await askBot(visitor, 'How long does delivery take?');
      await askBot(visitor, 'Can I return a sofa?');
      const chat = await escalateTo(visitor, lina);
      await reply(lina, chat.conversation.id, 'The warehouse has to check this.');
      const ticket = await followUp(lina, chat.conversation.id, 'Ask the warehouse about the missing leg');
      visitor.close();
      lina.close();

      const page = await openConsole(stage.browser, stage.h, 'sara@cedar.example', { hash: `#/tickets/${ticket.id}` });
      await page.getByRole('heading', { name: `Ticket #${ticket.number}` }).waitFor();

      // The bot's part of the transcript is one line, a click away.
      const botPart = page.getByRole('button', { name: /^Bot conversation \(\d+\)$/ });
      expect(await botPart.getAttribute('aria-expanded')).toBe('false');
      const transcript = page.getByRole('log', { name: 'Transcript' });
      expect(await transcript.textContent()).not.toContain('Can I return a sofa?');
      await botPart.click();
      await showsText(transcript, 'Can I return a sofa?');

      const actions = page.getByRole('region', { name: 'Status and assignee' });
      const history = page.getByRole('region', { name: 'History' });
      await actions.getByRole('combobox', { name: 'Status' }).selectOption('pending');
      await actions.getByRole('button', { name: 'Save changes' }).click();
      await showsText(history, 'Open → Pending');
      expect(await history.textContent()).not.toContain('open -> pending');

      // The agent who followed the chat up holds the ticket; the supervisor hands it on.
      const assignee = actions.getByRole('combobox', { name: 'Assignee' });
      expect(await assignee.locator('option:checked').textContent()).toBe('Lina Haddad');
      await assignee.selectOption({ label: 'Omid Rahimi' });
      await actions.getByRole('button', { name: 'Save changes' }).click();
      await showsText(history, /assignee\s*Omid Rahimi/);

      const replyForm = page.getByRole('region', { name: 'Reply by email' });
      const answer = 'Good news: the missing leg ships tomorrow.';
      await replyForm.getByRole('textbox').fill(answer);
      await replyForm.getByRole('button', { name: 'Send email' }).click();
      await showsText(replyForm.getByRole('status'), 'huda-karimi@customers.example');
      await showsText(history, answer);

      const items = await history.getByRole('listitem').allTextContents();
      expect(items.filter((i) => /status|assignee|reply/.test(i))).toHaveLength(3);
      await showsText(page.locator('.tag'), 'Pending');

      const mail = await mailbox.next(
        (m) => recipient(m) === 'huda-karimi@customers.example' && m.text?.includes(answer) === true,
      );
      expect(mail.subject).toContain(`#${ticket.number}`);

      // The list finds it by assignee and skill, and not under another status.
      await page.getByRole('link', { name: 'Back to tickets' }).click();
      const filters = page.getByRole('search');
      const link = page.getByRole('link', { name: `#${ticket.number}` });
      await filters.getByRole('combobox', { name: 'Assignee' }).selectOption({ label: 'Omid Rahimi' });
      await filters.getByRole('combobox', { name: 'Skill' }).selectOption(ticket.skill);
      await link.waitFor();
      await filters.getByRole('combobox', { name: 'Status' }).selectOption('solved');
      await page.getByText('No tickets match.').waitFor();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

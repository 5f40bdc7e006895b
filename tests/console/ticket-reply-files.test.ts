import { describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { pdf } from '../files/uploads.ts';
import { recipient } from '../delivery/smtp.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { mailingConsole, openTicket } from './console-page.ts';
import { ticketToAnswer } from './scenario.ts';

const HOUR = 3_600_000;

describe('a ticket’s reply by email with files, in the console', () => {
  const stage = mailingConsole({ FILE_MAIL_LINK_HOURS: '48' });

  it(
    'uploads the agent’s file to the ticket, emails it as a lasting link, and shows it in the thread',
    async () => {
      const { h, browser, mailbox } = stage;
      const ticket = await ticketToAnswer(h, 'Omar Haddad', 'Where is my invoice?', 'Send the invoice');
      const email = ticket.visitor.email ?? '';
      const page = await openTicket(browser, h, ticket);
      const form = page.getByRole('region', { name: en['reply.title'] });
      await form
        .locator('input[type=file]')
        .setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: pdf() });
      await form.getByText('invoice.pdf').waitFor();
      await form.getByRole('textbox').fill('Here is your invoice.');
      const send = form.getByRole('button', { name: en['reply.send'] });
      await expect.poll(() => send.isEnabled()).toBe(true);
      await send.click();

      const out = await mailbox.next(
        (m) => recipient(m) === email && m.text?.includes('Here is your invoice.') === true,
      );
      const link = /File: invoice\.pdf <([^>]+)>/.exec(out.text ?? '')?.[1] ?? '';
      expect(Number(new URL(link).searchParams.get('e'))).toBeGreaterThan(Date.now() + 47 * HOUR);
      expect(out.html).toContain('>invoice.pdf</a>');
      const u = new URL(link);
      const served = await fetch(`${h.url}${u.pathname}${u.search}`);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(pdf())).toBe(true);

      // The reply in the ticket's thread carries the file too.
      const history = page.getByRole('region', { name: en['tickets.history'] });
      await history.getByText('Here is your invoice.').waitFor();
      const shown = history.getByRole('link', { name: /invoice\.pdf/ });
      expect(await shown.getAttribute('download')).toBe('invoice.pdf');
      expect(await form.getByText('invoice.pdf').count()).toBe(0);
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

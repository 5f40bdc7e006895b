import { describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { mailWithFiles, postInbound, rawMail, replyAddress, sendSmtp, sent } from '../delivery/inbound-mail.ts';
import { pdf, png } from '../files/uploads.ts';
import { recipient } from '../delivery/smtp.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { mailingConsole, openTicket } from './console-page.ts';
import { ticketToAnswer } from './scenario.ts';

const SECRET = 'inbound-secret-for-console';

describe('a ticket answered by email, in the console', () => {
  const stage = mailingConsole({
    INBOUND_DOMAIN: 'reply.cedar.example',
    INBOUND_SMTP_PORT: '0',
    INBOUND_SMTP_HOST: '127.0.0.1',
    INBOUND_SECRET: SECRET,
  });

  it(
    'shows the visitor’s reply without its quote and with its files, emails the answer in the thread, and lets an agent accept a held email',
    async () => {
      const { h, browser, mailbox } = stage;
      const ticket = await ticketToAnswer(h, 'Sara Rahimi', 'Can I return a sofa?', 'Answer about the return');
      const email = ticket.visitor.email ?? '';
      const first = await mailbox.next(
        (m) => recipient(m) === email && m.subject?.includes(`#${ticket.number}`) === true,
      );
      const to = replyAddress(first);
      await sent(h, ticket);

      const answer = rawMail({
        from: email,
        to,
        subject: `Re: ${first.subject ?? ''}`,
        inReplyTo: first.messageId ?? '',
        text: 'مبل هنوز پیش من است.\n\nدر تاریخ دوشنبه ۷ دسامبر ۲۰۲۶، Cedar <support@cedar.example> نوشت:\n> متن قدیمی درخواست\n',
      });
      await sendSmtp(h.cascade.inboundSmtp?.port ?? 0, answer.raw, { from: email, to });

      const page = await openTicket(browser, h, ticket);
      await page.getByText(en['conn.connecting']).waitFor({ state: 'hidden' });
      const history = page.getByRole('region', { name: en['tickets.history'] });
      await history.getByText('مبل هنوز پیش من است.').waitFor();
      await history.getByText(en['history.email']).waitFor();
      expect(await history.textContent()).not.toContain('متن قدیمی درخواست');

      // The agent answers from the console: the email carries the thread.
      const form = page.getByRole('region', { name: en['reply.title'] });
      await form.getByRole('textbox').fill('We will collect it on Monday.');
      await form.getByRole('button', { name: en['reply.send'] }).click();
      const out = await mailbox.next(
        (m) => recipient(m) === email && m.text?.includes('collect it on Monday') === true,
      );
      expect(out.inReplyTo).toBe(answer.messageId);
      expect(out.references).toEqual([first.messageId, answer.messageId]);
      expect(replyAddress(out)).toBe(to);

      // Someone else writes to the reply address: held, shown live, accepted by the agent.
      const spoofed = rawMail({ from: 'mallory@evil.example', to, subject: 'Re', text: 'Refund me instead.' });
      expect((await postInbound(h.url, spoofed.raw, SECRET)).body.outcome).toBe('held');
      const why = en['held.why'].replace('{from}', 'mallory@evil.example');
      await history.getByText(why).waitFor();
      await history.getByRole('button', { name: en['held.accept'] }).click();
      await history.getByText(en['held.accepted']).waitFor();
      await history.getByRole('button', { name: en['held.accept'] }).waitFor({ state: 'detached' });
      expect(await history.getByText('Refund me instead.').count()).toBe(2);

      // The visitor's files come with their email: the screenshot as a thumbnail, the PDF to download.
      const files = mailWithFiles({
        from: email,
        to,
        html: '<p>Photos of the sofa.</p>',
        files: [
          { name: 'sofa.png', type: 'image/png', bytes: await png() },
          { name: 'receipt.pdf', type: 'application/pdf', bytes: pdf() },
        ],
      });
      await sendSmtp(h.cascade.inboundSmtp?.port ?? 0, files, { from: email, to });
      await history.getByText('Photos of the sofa.').waitFor();
      await history.getByRole('img', { name: 'sofa.png' }).waitFor();
      const receipt = history.getByRole('link', { name: /receipt\.pdf/ });
      expect(await receipt.getAttribute('download')).toBe('receipt.pdf');
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

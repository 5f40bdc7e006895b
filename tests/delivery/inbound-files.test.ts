import sharp from 'sharp';
import { DEFAULT_ATTACHMENT_SETTINGS, type HeldEmail, type Ticket, type TicketAnswer } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { freePort } from '../support/processes.ts';
import { restClient } from '../support/rest.ts';
import { waitUntil } from '../support/waits.ts';
import { pdf } from '../files/uploads.ts';
import { mailWithFiles, replyAddress, sendSmtp, ticketOfEmail, type MailFile } from './inbound-mail.ts';
import { Mailbox } from './smtp.ts';

let h: Harness;
let mailbox: Mailbox;
let smtpPort: number;

/** A server that takes replies by SMTP and emails its tickets' visitors. */
async function startInbound(env: Record<string, string> = {}): Promise<Harness> {
  const started = await startCascade({
    SMTP_URL: mailbox.url,
    MAIL_FROM: 'Cedar Support <support@cedar.example>',
    DELIVERY_BACKOFF_MS: '20',
    INBOUND_DOMAIN: 'reply.cedar.example',
    INBOUND_SMTP_PORT: '0',
    INBOUND_SMTP_HOST: '127.0.0.1',
    ...env,
  });
  await started.configureSite({ sinks: { webhookUrl: null, supportEmail: 'team@cedar.example', emailVisitors: true } });
  return started;
}

beforeAll(async () => {
  mailbox = await Mailbox.start();
  h = await startInbound();
  smtpPort = h.cascade.inboundSmtp?.port ?? 0;
});
afterAll(async () => {
  await h.close();
  await mailbox.close();
});

/** A PNG carrying EXIF with a camera and its owner, as a phone's screenshot may. */
const pngWithExif = () =>
  sharp({ create: { width: 48, height: 32, channels: 3, background: { r: 30, g: 160, b: 90 } } })
    .png()
    .withExif({ IFD0: { Make: 'PhoneMaker', Copyright: 'Jane Visitor' } })
    .toBuffer();

/** The visitor answers their ticket's email with files; resolves once the email is in the ticket. */
async function replyWithFiles(email: string, html: string, files: MailFile[]) {
  const { ticket, mail } = await ticketOfEmail(h, mailbox, email);
  const to = replyAddress(mail);
  await sendSmtp(smtpPort, mailWithFiles({ from: email, to, html, files }), { from: email, to });
  await waitUntil(
    'the email in the ticket',
    () => h.cascade.tickets.get(ticket.siteId, ticket.id),
    (t) => t?.history.at(-1)?.action === 'email',
  );
  const rest = restClient(h.url, await h.login('lina@cedar.example'));
  const read = await rest.get<TicketAnswer>(`/api/tickets/${ticket.id}`);
  return { ticket: read.body.ticket, item: read.body.ticket.history.at(-1) };
}

/** Links name PUBLIC_URL; the test server listens on a port chosen at start. */
const download = async (link: string) => {
  const u = new URL(link);
  const res = await fetch(`${h.url}${u.pathname}${u.search}`);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
};

const storedFiles = async (t: Ticket) =>
  h.cascade.db.query('SELECT id FROM files WHERE conversation_id = $1', [t.conversationId]);

describe('files of replies by email', () => {
  it('keeps a reply’s inline screenshot and PDF as files of the ticket, the screenshot without its EXIF', async () => {
    const screenshot = await pngWithExif();
    expect((await sharp(screenshot).metadata()).exif).toBeDefined();
    const receipt = pdf();
    const { item } = await replyWithFiles('files@example.com', '<p>The error:</p><img src="cid:shot@client">', [
      { name: 'screen.png', type: 'image/png', bytes: screenshot, cid: 'shot@client' },
      { name: 'receipt.pdf', type: 'application/pdf', bytes: receipt },
    ]);
    expect(item).toMatchObject({ action: 'email', detail: 'The error:' });
    const [image, doc] = item?.attachments ?? [];
    expect(image).toMatchObject({ name: 'screen.png', type: 'image/png', image: true, width: 48, height: 32 });
    expect(doc).toMatchObject({ name: 'receipt.pdf', type: 'application/pdf', image: false });

    const served = await download(image!.url);
    expect(served.status).toBe(200);
    expect((await sharp(served.bytes).metadata()).exif).toBeUndefined();
    expect(served.bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect((await download(image!.thumbUrl!)).status).toBe(200);
    const pdfServed = await download(doc!.url);
    expect(pdfServed).toMatchObject({ status: 200 });
    expect(pdfServed.bytes.equals(receipt)).toBe(true);
  });

  it('keeps the text of a reply whose attachment is not what its name says, and not the file', async () => {
    const page = Buffer.from('<html><body><script>steal()</script></body></html>');
    const { ticket, item } = await replyWithFiles('named@example.com', '<p>My invoice.</p>', [
      { name: 'invoice.pdf', type: 'application/pdf', bytes: page },
    ]);
    expect(item?.detail).toMatch(
      /^My invoice\.\n\n📎 invoice\.pdf: not accepted \(this kind of file cannot be sent here/,
    );
    expect(item?.attachments).toBeUndefined();
    expect(await storedFiles(ticket)).toEqual([]);
  });

  it('refuses a file over the site’s size limit and keeps the rest of the email', async () => {
    await h.configureSite({ attachments: { ...DEFAULT_ATTACHMENT_SETTINGS, maxBytes: 2048 } });
    try {
      const { ticket, item } = await replyWithFiles('large@example.com', '<p>Two logs.</p>', [
        { name: 'short.log', type: 'text/plain', bytes: Buffer.from('ok\n'.repeat(100)) },
        { name: 'long.log', type: 'text/plain', bytes: Buffer.from('line\n'.repeat(1000)) },
      ]);
      expect(item?.detail).toMatch(/^Two logs\.\n\n📎 long\.log: not accepted \(files may be at most/);
      expect(item?.attachments?.map((a) => a.name)).toEqual(['short.log']);
      expect(await storedFiles(ticket)).toHaveLength(1);
    } finally {
      await h.configureSite({ attachments: DEFAULT_ATTACHMENT_SETTINGS });
    }
  });
});

describe('files of held emails', () => {
  /** Someone other than the ticket's contact answers its email with a file; resolves once it is held. */
  async function heldWithFile(contact: string, name: string) {
    const { ticket, mail } = await ticketOfEmail(h, mailbox, contact);
    const to = replyAddress(mail);
    const from = 'colleague@elsewhere.example';
    const raw = mailWithFiles({
      from,
      to,
      html: '<p>From my colleague’s address.</p>',
      files: [{ name, type: 'application/pdf', bytes: pdf() }],
    });
    await sendSmtp(smtpPort, raw, { from, to });
    const held = await waitUntil(
      'the held email',
      () => h.cascade.tickets.get(ticket.siteId, ticket.id),
      (t) => t?.history.at(-1)?.action === 'held',
    );
    const rest = restClient(h.url, await h.login('lina@cedar.example'));
    return { ticket, rest, heldId: held?.history.at(-1)?.heldId ?? '' };
  }

  it('keeps the file of a held email and gives it to the ticket when an agent accepts the email', async () => {
    const { ticket, rest, heldId } = await heldWithFile('held-accept@example.com', 'order.pdf');
    const list = await rest.get<{ held: HeldEmail[] }>(`/api/tickets/${ticket.id}/held`);
    expect(list.body.held[0]?.attachments).toMatchObject([{ name: 'order.pdf', type: 'application/pdf' }]);
    expect(await storedFiles(ticket)).toHaveLength(1);

    expect((await rest.post(`/api/tickets/${ticket.id}/held/${heldId}`, { decision: 'accept' })).status).toBe(200);
    const read = await rest.get<TicketAnswer>(`/api/tickets/${ticket.id}`);
    const item = read.body.ticket.history.at(-1);
    expect(item).toMatchObject({ action: 'email', by: 'colleague@elsewhere.example' });
    expect(item?.attachments).toMatchObject([{ name: 'order.pdf', type: 'application/pdf' }]);
    const served = await download(item!.attachments![0]!.url);
    expect(served.status).toBe(200);
    expect(served.bytes.equals(pdf())).toBe(true);
  });

  it('deletes the file of a held email an agent discards', async () => {
    const { ticket, rest, heldId } = await heldWithFile('held-discard@example.com', 'phish.pdf');
    const [file] = await storedFiles(ticket);
    expect(file).toBeDefined();
    expect((await rest.post(`/api/tickets/${ticket.id}/held/${heldId}`, { decision: 'discard' })).status).toBe(200);
    expect(await storedFiles(ticket)).toEqual([]);
  });
});

describe('files of replies by email, with a scanner that cannot be reached', () => {
  let down: Harness;
  beforeAll(async () => {
    down = await startInbound({ FILES_CLAMD_URL: `tcp://127.0.0.1:${await freePort()}` });
  });
  afterAll(async () => {
    await down.close();
  });

  it('refuses the email for now, so that the sender tries again, and keeps the ticket as it was', async () => {
    const email = 'unscanned@example.com';
    const { ticket, mail } = await ticketOfEmail(down, mailbox, email);
    const to = replyAddress(mail);
    const raw = mailWithFiles({
      from: email,
      to,
      html: '<p>The receipt.</p>',
      files: [{ name: 'receipt.pdf', type: 'application/pdf', bytes: pdf() }],
    });
    await expect(sendSmtp(down.cascade.inboundSmtp?.port ?? 0, raw, { from: email, to })).rejects.toMatchObject({
      responseCode: 451,
    });
    expect((await down.cascade.tickets.get(ticket.siteId, ticket.id))?.history).toEqual(ticket.history);
  });
});

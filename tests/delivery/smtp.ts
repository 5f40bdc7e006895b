import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every message it receives, parsed. */
export class Mailbox {
  readonly mails: ParsedMail[] = [];
  private waiters: { match: (m: ParsedMail) => boolean; resolve: (m: ParsedMail) => void }[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
  ) {}

  static async start(): Promise<Mailbox> {
    // Mail comes only once the address is known, so `mailbox` is set by then.
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      disableReverseLookup: true,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            mailbox.receive(mail);
            callback();
          })
          .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const mailbox = new Mailbox(server, `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`);
    return mailbox;
  }

  private receive(mail: ParsedMail): void {
    this.mails.push(mail);
    for (const w of this.waiters.filter((w) => w.match(mail))) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(mail);
    }
  }

  /** The first message, past or future, that matches. */
  next(match: (m: ParsedMail) => boolean, timeoutMs = 15_000): Promise<ParsedMail> {
    const seen = this.mails.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching email within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The single recipient address of a parsed message. */
export function recipient(m: ParsedMail): string {
  const to = Array.isArray(m.to) ? m.to[0] : m.to;
  return to?.value[0]?.address ?? '';
}

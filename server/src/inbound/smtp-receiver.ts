import type { AddressInfo } from 'node:net';
import { CascadeError } from '@cascade/shared';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { Log } from '../log.ts';
import type { InboundDeps } from './receive.ts';
import { receiveEmail } from './receive.ts';

type SmtpError = Error & { responseCode: number };
const smtpError = (code: number, message: string): SmtpError =>
  Object.assign(new Error(message), { responseCode: code });

/** A refusal the sending server understands: retry later (4xx) for limits and our faults, never (5xx) for the rest. */
function answerFor(e: unknown, log: Log): SmtpError {
  if (e instanceof CascadeError) {
    if (e.code === 'rate_limited') return smtpError(452, e.message);
    // A check that cannot run now (the file scan) may pass on the sender's retry.
    if (e.code === 'unavailable') return smtpError(451, e.message);
    if (e.code === 'not_found') return smtpError(550, e.message);
    return smtpError(554, e.message);
  }
  log.error({ err: e }, 'inbound email failed');
  return smtpError(451, 'could not take the message in; try again later');
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * The built-in SMTP receiver for replies, for a domain's MX or a relay. It takes mail only for
 * live reply addresses (others are refused at RCPT TO, before any data) and only up to the size
 * limit; no authentication, as an MX has none.
 */
export async function startSmtpReceiver(
  d: InboundDeps,
  log: Log,
  port: number,
  host: string,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    name: d.config.INBOUND_DOMAIN,
    banner: 'Cascade replies',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    size: d.config.INBOUND_MAX_BYTES,
    onRcptTo(address, _session, callback) {
      d.replies
        .resolve(address.address)
        .then((target) => callback(target ? undefined : smtpError(550, 'no such recipient')))
        .catch((e: unknown) => callback(answerFor(e, log)));
    },
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) throw smtpError(552, 'the message is larger than this server takes');
          const mailFrom = session.envelope.mailFrom;
          await receiveEmail(d, raw, {
            recipients: session.envelope.rcptTo.map((r) => r.address),
            returnPath: mailFrom ? mailFrom.address : '',
          });
          callback();
        })
        .catch((e: unknown) => callback(e instanceof Error && 'responseCode' in e ? e : answerFor(e, log)));
    },
  });
  server.on('error', (e) => log.warn({ err: e.message }, 'inbound SMTP connection problem'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { WebhookPayload, WebhookTestPayload } from '@cascade/shared';
import { isInternalAddress } from '../security/addresses.ts';
import { webhookSignature } from './signature.ts';

/** A receiver that takes longer than this is counted as a failed try. */
const TIMEOUT_MS = 10_000;

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

const refusal = (host: string, address: string) =>
  Object.assign(
    new Error(`${host} is an internal address (${address}); set ALLOW_INTERNAL_WEBHOOKS=true to allow it`),
    {
      code: 'EINTERNAL',
    },
  );

/**
 * Name resolution for a webhook: the addresses the connection will really use are checked, so
 * a tenant's URL cannot reach this server's own network, not even by a name that changes
 * what it points to between a check and the connection.
 */
function guardedLookup(allowInternal: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const blocked = allowInternal ? undefined : addresses.find((a) => isInternalAddress(a.address));
      if (blocked) return callback(refusal(hostname, blocked.address), []);
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/** The most of a receiver's answer kept, to show it in the settings. */
const ANSWER_BYTES = 2048;

/**
 * POSTs one signed webhook. Anything but a 2xx answer (a redirect too: the body is not sent
 * on) throws, so the job is tried again later.
 */
export async function postWebhook(
  url: string,
  secret: string,
  payload: WebhookPayload,
  allowInternal: boolean,
): Promise<void> {
  const { status } = await sendWebhook(url, secret, payload, allowInternal);
  if (status < 200 || status > 299) throw new Error(`the receiver answered HTTP ${status}`);
}

/**
 * POSTs one signed webhook and returns the receiver's status and the start of its answer,
 * whatever the status; throws only when the receiver cannot be reached.
 */
export async function sendWebhook(
  url: string,
  secret: string,
  payload: WebhookPayload | WebhookTestPayload,
  allowInternal: boolean,
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!allowInternal && isIP(host) && isInternalAddress(host)) {
    throw new Error(`could not reach ${target.origin}: ${refusal(host, host).message}`);
  }
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  try {
    return await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = send(
        target,
        {
          method: 'POST',
          lookup: guardedLookup(allowInternal),
          signal: AbortSignal.timeout(TIMEOUT_MS),
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'Cascade-Webhooks/1',
            'x-cascade-event': payload.type,
            'x-cascade-delivery': payload.id,
            'x-cascade-timestamp': String(timestamp),
            'x-cascade-signature': webhookSignature(secret, timestamp, body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            if (size < ANSWER_BYTES) chunks.push(c);
            size += c.length;
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).subarray(0, ANSWER_BYTES).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  } catch (e) {
    throw new Error(`could not reach ${target.origin}: ${reason(e)}`, { cause: e });
  }
}

/** The useful part of a connection failure: its code (ECONNREFUSED), a timeout, or our refusal. */
function reason(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EINTERNAL') return e.message;
  return code ?? e.message;
}

import type { WebhookPayload } from '@cascade/shared';
import { webhookSignature } from './signature.ts';

/** A receiver that takes longer than this is counted as a failed try. */
const TIMEOUT_MS = 10_000;

/**
 * POSTs one signed webhook. Anything but a 2xx answer (a redirect too: the body is not sent
 * on) throws, so the job is tried again later.
 */
export async function postWebhook(url: string, secret: string, payload: WebhookPayload): Promise<void> {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Cascade-Webhooks/1',
        'x-cascade-event': payload.type,
        'x-cascade-delivery': payload.id,
        'x-cascade-timestamp': String(timestamp),
        'x-cascade-signature': webhookSignature(secret, timestamp, body),
      },
    });
  } catch (e) {
    throw new Error(`could not reach ${new URL(url).origin}: ${reason(e)}`);
  }
  await res.body?.cancel();
  if (res.status < 200 || res.status > 299) throw new Error(`the receiver answered HTTP ${res.status}`);
}

/** fetch hides the useful part (ECONNREFUSED, a timeout) in `cause`. */
function reason(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (e.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = e.cause as { code?: unknown; message?: unknown } | undefined;
  return String(cause?.code ?? cause?.message ?? e.message);
}

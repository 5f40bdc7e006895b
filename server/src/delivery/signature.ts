import { createHmac } from 'node:crypto';

/**
 * The `X-Cascade-Signature` value: HMAC-SHA256 of `<timestamp>.<raw body>` with the site's
 * webhook secret. Signing the timestamp too lets a receiver refuse an old request replayed.
 */
export function webhookSignature(secret: string, timestampSeconds: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The receiver's check, exactly as the README's "Webhooks" section gives it. */
export function verifyCascade(headers: IncomingHttpHeaders, rawBody: string, secret: string): boolean {
  const timestamp = String(headers['x-cascade-timestamp'] ?? '');
  const signature = String(headers['x-cascade-signature'] ?? '');
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { expect, it } from 'vitest';
import { webhookSignature } from '../src/delivery/signature.ts';

const body = '{"id":"wh.ticket.created.t1"}';

it('signs "<timestamp>.<body>" with HMAC-SHA256, as the README tells receivers', () => {
  // Computed independently: printf '1700000000.<body>' | openssl dgst -sha256 -hmac whsec_test
  expect(webhookSignature('whsec_test', 1_700_000_000, body)).toBe(
    'sha256=3c4d97cad587a02bcd0f540545b73228ad9ac1e89e11fcf703ba456e5144cd2d',
  );
});

it('verifies with the few lines of Node in the README, and fails for another body, time or secret', () => {
  const verify = (secret: string, timestamp: string, raw: string, header: string) => {
    const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`;
    return header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected));
  };
  const header = webhookSignature('s3cret', 1_700_000_123, body);
  expect(verify('s3cret', '1700000123', body, header)).toBe(true);
  expect(verify('s3cret', '1700000124', body, header)).toBe(false);
  expect(verify('s3cret', '1700000123', `${body} `, header)).toBe(false);
  expect(verify('other', '1700000123', body, header)).toBe(false);
});

import { describe, expect, it } from 'vitest';
import {
  enqueue,
  isTransient,
  markFailed,
  markRetry,
  nextToSend,
  parseOutbox,
  settle,
  type OutboxItem,
} from '../src/outbox.ts';

const item = (clientMsgId: string, text = clientMsgId): OutboxItem => ({ clientMsgId, text, ts: 1, failed: null });

describe('outbox', () => {
  it('keeps messages in the order they were written and sends the oldest first', () => {
    const outbox = enqueue(enqueue([], item('a')), item('b'));
    expect(outbox.map((i) => i.clientMsgId)).toEqual(['a', 'b']);
    expect(nextToSend(outbox)?.clientMsgId).toBe('a');
  });

  it('drops a message once the server has stored it, and nothing else', () => {
    const outbox = [item('a'), item('b'), item('c')];
    expect(settle(outbox, new Set(['b'])).map((i) => i.clientMsgId)).toEqual(['a', 'c']);
  });

  it('returns the same outbox when no stored message matches, so nothing re-renders', () => {
    const outbox = [item('a')];
    expect(settle(outbox, new Set(['z']))).toBe(outbox);
  });

  it('skips a refused message when choosing what to send, until the visitor retries it', () => {
    const failed = markFailed([item('a'), item('b')], 'a', 'invalid_payload');
    expect(failed[0]?.failed).toBe('invalid_payload');
    expect(nextToSend(failed)?.clientMsgId).toBe('b');
    expect(nextToSend(markRetry(failed, 'a'))?.clientMsgId).toBe('a');
  });

  it('has nothing to send when empty or when everything was refused', () => {
    expect(nextToSend([])).toBeUndefined();
    expect(nextToSend(markFailed([item('a')], 'a', 'forbidden'))).toBeUndefined();
  });

  it('retries on its own only what may pass by itself', () => {
    expect(isTransient('rate_limited')).toBe(true);
    expect(isTransient('unavailable')).toBe(true);
    expect(isTransient('internal')).toBe(true);
    expect(isTransient('invalid_payload')).toBe(false);
    expect(isTransient('forbidden')).toBe(false);
  });

  it('survives a reload: what was saved is read back as it was', () => {
    const outbox = [item('a', 'مرحبا'), { ...item('b'), failed: 'forbidden' as const }];
    expect(parseOutbox(JSON.stringify(outbox))).toEqual(outbox);
  });

  it('keeps the uploaded files of a message through a reload, and drops an item whose files are not a list', () => {
    const file = {
      id: 'f_AAAAAAAAAAAAAAAAAAAAAA',
      name: 'shot.png',
      type: 'image/png' as const,
      size: 10,
      image: true,
      url: 'http://x/f',
      expiresAt: 1,
    };
    const withFiles = { ...item('a', ''), attachments: [file] };
    expect(parseOutbox(JSON.stringify([withFiles, { ...item('b'), attachments: 'f_1' }]))).toEqual([withFiles]);
  });

  it('ignores missing, broken or foreign data in storage instead of failing', () => {
    expect(parseOutbox(null)).toEqual([]);
    expect(parseOutbox('{not json')).toEqual([]);
    expect(parseOutbox('{"a":1}')).toEqual([]);
    expect(parseOutbox(JSON.stringify([item('a'), { text: 'no id' }, null, 5]))).toEqual([item('a')]);
  });
});

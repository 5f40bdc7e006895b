import { describe, expect, it } from 'vitest';
import {
  addPending,
  dropPending,
  markFailed,
  markRetrying,
  settlePending,
  toResend,
  type PendingMessage,
} from '../src/logic/outbox.ts';
import { message } from './fixtures.ts';

const pending = (clientMsgId: string, error: string | null = null): PendingMessage => ({
  clientMsgId,
  text: `text ${clientMsgId}`,
  internal: false,
  createdAt: 0,
  error,
});

const A = '0b8c6f1e-58a2-4b8e-9a57-3f2f7f3c6a01';
const B = '7d4f2a90-1c3e-4f5a-8b6d-2e9f0a1b2c03';

describe('outbox', () => {
  it('keeps a message pending until the server stores it', () => {
    const outbox = addPending(addPending([], pending(A)), pending(B));
    const settled = settlePending(outbox, [message({ id: '1-0', author: 'agent', clientMsgId: A })]);
    expect(settled.map((p) => p.clientMsgId)).toEqual([B]);
  });

  it('does not queue the same clientMsgId twice', () => {
    const outbox = addPending(addPending([], pending(A)), pending(A));
    expect(outbox).toHaveLength(1);
  });

  it('ignores stored messages that were not pending', () => {
    const outbox = [pending(A)];
    expect(settlePending(outbox, [message({ id: '1-0' })])).toBe(outbox);
  });

  it('re-sends after a reconnect only what the server did not refuse', () => {
    const outbox = markFailed([pending(A), pending(B)], B, 'invalid_state');
    expect(toResend(outbox).map((p) => p.clientMsgId)).toEqual([A]);
    expect(toResend(markRetrying(outbox, B)).map((p) => p.clientMsgId)).toEqual([A, B]);
  });

  it('lets the agent discard a refused message', () => {
    expect(dropPending([pending(A), pending(B)], A).map((p) => p.clientMsgId)).toEqual([B]);
  });
});

import { describe, expect, it } from 'vitest';
import { drop as dropPending, enqueue as addPending, outbox, sendInOrder, settle } from '../src/index.ts';
import { message, type TestMessage } from './fixtures.ts';

interface PendingMessage {
  clientMsgId: string;
  text: string;
  internal: boolean;
  createdAt: number;
  error: string | null;
}
const { markFailed, markRetry: markRetrying, nextToSend } = outbox<PendingMessage, 'error'>('error');
const settlePending = (items: readonly PendingMessage[], stored: readonly TestMessage[]) =>
  settle(items, new Set(stored.map((m) => m.clientMsgId)));
/** What a reconnect sends, in order: the outbox flushed one message at a time, each acked. */
async function toResend(items: readonly PendingMessage[]): Promise<string[]> {
  let left = items;
  const sent: string[] = [];
  await sendInOrder(
    () => nextToSend(left),
    async (_key, p) => {
      sent.push(p.clientMsgId);
      left = settle(left, new Set([p.clientMsgId]));
      return Promise.resolve(true);
    },
  )('c1');
  return sent;
}

const pending = (clientMsgId: string, error: string | null = null): PendingMessage => ({
  clientMsgId,
  text: `text ${clientMsgId}`,
  internal: false,
  createdAt: 0,
  error,
});

const A = '0b8c6f1e-58a2-4b8e-9a57-3f2f7f3c6a01';
const B = '7d4f2a90-1c3e-4f5a-8b6d-2e9f0a1b2c03';

describe('outbox (console items)', () => {
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

  it('re-sends after a reconnect only what the server did not refuse', async () => {
    const outbox = markFailed([pending(A), pending(B)], B, 'invalid_state');
    expect(await toResend(outbox)).toEqual([A]);
    expect(await toResend(markRetrying(outbox, B))).toEqual([A, B]);
  });

  it('sends one conversation in order: the next message waits for the ack of the one before', async () => {
    let left = [pending(A), pending(B)];
    const inFlight: string[] = [];
    let release = (): void => undefined;
    const flush = sendInOrder(
      () => nextToSend(left),
      async (_key, p) => {
        inFlight.push(p.clientMsgId);
        await new Promise<void>((resolve) => (release = resolve));
        left = dropPending(left, p.clientMsgId);
        return true;
      },
    );
    const done = flush('c1');
    void flush('c1'); // a second flush while one runs sends nothing twice
    expect(inFlight).toEqual([A]);
    release();
    await expect.poll(() => inFlight).toEqual([A, B]);
    release();
    await done;
    expect(left).toEqual([]);
  });

  it('stops when a send cannot go through, and the next flush starts from the oldest again', async () => {
    const left = [pending(A), pending(B)];
    const tried: string[] = [];
    const flush = sendInOrder(
      () => nextToSend(left),
      (_key, p) => {
        tried.push(p.clientMsgId);
        return Promise.resolve(false);
      },
    );
    await flush('c1');
    await flush('c1');
    expect(tried).toEqual([A, A]);
  });

  it('lets the agent discard a refused message', () => {
    expect(dropPending([pending(A), pending(B)], A).map((p) => p.clientMsgId)).toEqual([B]);
  });
});

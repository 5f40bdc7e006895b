import { describe, expect, it } from 'vitest';
import { request } from '../src/index.ts';

type Events = {
  ping: (
    p: { n: number },
    ack: (r: { ok: true; n: number } | { ok: false; error: { code: string; message: string } }) => void,
  ) => void;
};

/** A socket whose server answers with `answer`, or never when it is undefined. */
const socket = (connected: boolean, answer?: (p: { n: number }) => unknown) => ({
  connected,
  timeout: () => ({
    emit(_event: string, payload: { n: number }, ack: (error: unknown, reply: unknown) => void) {
      if (answer) ack(null, answer(payload));
      else ack(new Error('operation has timed out'), undefined);
    },
  }),
});

describe('request', () => {
  it('resolves the reply envelope, whether ok or refused', async () => {
    expect(
      await request<Events, 'ping'>(
        socket(true, (p) => ({ ok: true, n: p.n + 1 })),
        'ping',
        { n: 1 },
      ),
    ).toEqual({ ok: true, n: 2 });
    const refused = { ok: false, error: { code: 'forbidden', message: 'no' } };
    expect(
      await request<Events, 'ping'>(
        socket(true, () => refused),
        'ping',
        { n: 1 },
      ),
    ).toEqual(refused);
  });

  it('resolves "unavailable" when offline or unanswered, and never rejects', async () => {
    const offline = await request<Events, 'ping'>(socket(false), 'ping', { n: 1 });
    expect(offline).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const silent = await request<Events, 'ping'>(socket(true), 'ping', { n: 1 });
    expect(silent).toMatchObject({ ok: false, error: { code: 'unavailable', message: 'no answer to ping' } });
    expect(await request<Events, 'ping'>(null, 'ping', { n: 1 })).toMatchObject({ ok: false });
  });
});

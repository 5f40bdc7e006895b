import { describe, expect, it } from 'vitest';
import { newClientMsgId } from '../src/logic/client-msg-id.ts';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newClientMsgId', () => {
  it('uses crypto.randomUUID when the page is a secure context', () => {
    expect(newClientMsgId(crypto)).toMatch(uuidV4);
  });

  it('builds a v4 UUID from random bytes on plain http', () => {
    const insecure: Pick<Crypto, 'getRandomValues'> = { getRandomValues: (array) => crypto.getRandomValues(array) };
    const ids = new Set(Array.from({ length: 200 }, () => newClientMsgId(insecure)));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(uuidV4);
  });
});

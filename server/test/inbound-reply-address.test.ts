import { describe, expect, it } from 'vitest';
import { replyTokenOf } from '../src/inbound/reply-address.ts';

const token = '0123456789abcdef0123456789abcdef';

describe('reply addresses', () => {
  it('reads the token of an address at the inbound domain, whatever its case', () => {
    expect(replyTokenOf(`reply+${token}@reply.example.com`, 'reply.example.com')).toBe(token);
    expect(replyTokenOf(`REPLY+${token.toUpperCase()}@Reply.Example.com`, 'reply.example.com')).toBe(token);
  });

  it('knows no other address', () => {
    expect(replyTokenOf(`reply+${token}@elsewhere.example`, 'reply.example.com')).toBeNull();
    expect(replyTokenOf(`reply+${token.slice(1)}@reply.example.com`, 'reply.example.com')).toBeNull();
    expect(replyTokenOf(`reply+${token}x@reply.example.com`, 'reply.example.com')).toBeNull();
    expect(replyTokenOf('support@reply.example.com', 'reply.example.com')).toBeNull();
  });
});

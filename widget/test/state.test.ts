import type { HelloReply, PublicSiteConfig, VisitorMessage as Message } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { initialState, reduce, type ChatState } from '../src/state.ts';
import { conversation, message } from './fixtures.ts';

const site: PublicSiteConfig = {
  name: 'Acme',
  defaultLocale: 'en',
  locales: ['en'],
  theme: { color: '#1f5fbf', position: 'right', launcherLabel: {}, greeting: {} },
  requireIdentity: false,
};

const hello = (over: Partial<HelloReply> = {}): HelloReply => ({
  token: 't'.repeat(20),
  visitorId: 'v1',
  site,
  conversation: conversation(),
  messages: [],
  ...over,
});

const pending = (clientMsgId: string) => ({ clientMsgId, text: 'hi', ts: 1, failed: null });

describe('chat state', () => {
  it('shows a message at once as pending, then as stored when the ack brings it', () => {
    let s = reduce(initialState, { type: 'queued', item: pending('u1') });
    expect(s.outbox).toHaveLength(1);
    s = reduce(s, { type: 'messages', messages: [message({ id: '5-0', author: 'visitor', clientMsgId: 'u1' })] });
    expect(s.outbox).toEqual([]);
    expect(s.messages.map((m) => m.id)).toEqual(['5-0']);
  });

  it('settles the outbox from another tab’s echo too, and shows the message once', () => {
    const stored = message({ id: '5-0', author: 'visitor', clientMsgId: 'u1' });
    let s = reduce(initialState, { type: 'queued', item: pending('u1') });
    s = reduce(s, { type: 'messages', messages: [stored] });
    s = reduce(s, { type: 'messages', messages: [stored] });
    expect(s.messages).toHaveLength(1);
    expect(s.outbox).toEqual([]);
  });

  it('merges what was missed after a reconnect and keeps what was already there', () => {
    let s = reduce(initialState, { type: 'hello', reply: hello({ messages: [message({ id: '1-0' })] }) });
    s = reduce(s, { type: 'hello', reply: hello({ messages: [message({ id: '2-0' }), message({ id: '1-0' })] }) });
    expect(s.messages.map((m) => m.id)).toEqual(['1-0', '2-0']);
    expect(s.site?.name).toBe('Acme');
  });

  it('replaces the conversation when hello answers for a different visitor', () => {
    let s = reduce(initialState, { type: 'hello', reply: hello({ messages: [message({ id: '1-0' })] }) });
    s = reduce(s, { type: 'hello', reply: hello({ visitorId: 'v2', messages: [message({ id: '7-0' })] }) });
    expect(s.messages.map((m) => m.id)).toEqual(['7-0']);
  });

  it('keeps unsent messages across a hello so they can be sent after it', () => {
    let s = reduce(initialState, { type: 'queued', item: pending('u1') });
    s = reduce(s, { type: 'hello', reply: hello() });
    expect(s.outbox.map((i) => i.clientMsgId)).toEqual(['u1']);
  });

  it('treats what a first hello brings as already read', () => {
    const s = reduce(initialState, { type: 'hello', reply: hello({ messages: [message({ id: '3-0' })] }) });
    expect(s.readUpTo).toBe('3-0');
  });

  it('marks everything read when asked, and changes nothing when it already was', () => {
    let s: ChatState = { ...initialState, messages: [message({ id: '4-0' })] };
    s = reduce(s, { type: 'read' });
    expect(s.readUpTo).toBe('4-0');
    expect(reduce(s, { type: 'read' })).toBe(s);
  });

  it('stops showing the agent typing once the agent has spoken or is gone', () => {
    let s = reduce(initialState, { type: 'agentTyping', typing: true });
    s = reduce(s, { type: 'messages', messages: [message({ id: '1-0', author: 'agent' })] });
    expect(s.agentTyping).toBe(false);
    s = reduce(reduce(s, { type: 'agentTyping', typing: true }), {
      type: 'conversation',
      conversation: conversation({ state: 'resolved' }),
    });
    expect(s.agentTyping).toBe(false);
  });

  it('marks a refused message and lets the visitor retry it', () => {
    let s = reduce(initialState, { type: 'queued', item: pending('u1') });
    s = reduce(s, { type: 'failed', clientMsgId: 'u1', code: 'invalid_payload' });
    expect(s.outbox[0]?.failed).toBe('invalid_payload');
    s = reduce(s, { type: 'retry', clientMsgId: 'u1' });
    expect(s.outbox[0]?.failed).toBeNull();
  });

  it('forgets the visitor on reset but keeps the language and the site', () => {
    let s = reduce(initialState, { type: 'hello', reply: hello({ messages: [message({ id: '1-0' })] }) });
    s = reduce(reduce(s, { type: 'locale', locale: 'fa' }), { type: 'queued', item: pending('u1') });
    s = reduce(s, { type: 'reset' });
    expect(s).toEqual({ ...initialState, locale: 'fa', site });
  });

  it('never shows internal notes', () => {
    // The server never sends one (visitor-projection.ts); a note from any other server is still dropped.
    const note = { ...message({ id: '1-0' }), internal: true } as Message;
    expect(reduce(initialState, { type: 'messages', messages: [note] }).messages).toEqual([]);
  });

  it('ignores a view older than the one held: a queue announcement overtaken by the claim', () => {
    let s = reduce(initialState, {
      type: 'conversation',
      conversation: conversation({ state: 'assigned', version: 4 }),
    });
    s = reduce(s, { type: 'conversation', conversation: conversation({ state: 'queued', version: 3 }) });
    expect(s.conversation?.state).toBe('assigned');
    s = reduce(s, { type: 'conversation', conversation: conversation({ state: 'resolved', version: 5 }) });
    expect(s.conversation?.state).toBe('resolved');
  });
});

import { randomUUID } from 'node:crypto';
import { ConversationView, HelloReply, VisitorMessage, type ChatSummary } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import type { TestClient } from '../support/clients.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

const skills = (level: number) =>
  ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({ skill, level }));
const send = (text: string) => ({ clientMsgId: randomUUID(), text });

const transferNote = 'suspected fraud, do not refund';
const internalNote = 'card looks stolen, keep them talking';
const followupNote = 'call the bank before answering';

/** Every key anywhere in a value, so a field by any name is found however deep it is. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

/** The internal facts no visitor may receive under any name. */
const internalKeys = ['agentId', 'internal', 'note', 'transferNote', 'skill', 'level', 'confidence', 'priority'];

describe('what a visitor receives', () => {
  it('never carries notes, agent ids, skills or levels, in any event, ack, sync or history of a whole chat', async () => {
    const acks: unknown[] = [];
    const ok = async <T extends object>(c: TestClient, event: string, payload: unknown): Promise<T> => {
      const r = await c.ok<T>(event, payload);
      acks.push(r);
      return r;
    };
    const visitor = await h.visitor();
    // A visitor of the other tenant, chatting at the same time, must hear nothing of it either.
    const outsider = await h.visitor({ siteKey: h.demos[1]!.siteKey });
    await outsider.ok('message:send', send('hello from the other shop'));

    const first = await h.newAgent({ name: 'First Line', skills: skills(1) });
    await ok(visitor, 'message:send', send('I was charged twice for one order'));
    await ok(visitor, 'conversation:escalate', {});
    const chat = await first.next<ChatSummary>('chat:assigned');
    const conversationId = chat.conversation.id;
    await first.ok('chat:send', { conversationId, clientMsgId: randomUUID(), text: 'Let me look.' });
    await first.ok('chat:send', { conversationId, clientMsgId: randomUUID(), text: internalNote, internal: true });
    await first.ok('chat:typing', { conversationId, typing: true });
    await visitor.next('typing');
    await first.ok('chat:transfer', { conversationId, level: 2, note: transferNote });
    const passed = await visitor.next<VisitorMessage>('message:new', (m) => m.event === 'transferred');
    expect(passed.text).toBe('Passed to a colleague');

    const second = await h.newAgent({ name: 'Second Line', skills: skills(2) });
    await second.next<ChatSummary>('chat:assigned');
    await visitor.next<VisitorMessage>('message:new', (m) => m.event === 'claimed');
    await second.ok('chat:send', { conversationId, clientMsgId: randomUUID(), text: 'I will sort it out.' });
    await second.ok('chat:followup', { conversationId, note: followupNote });
    await visitor.next<VisitorMessage>('message:new', (m) => m.event === 'ticketed');
    await ok(visitor, 'conversation:rate', { score: 4, comment: 'quick' });
    await ok(visitor, 'messages:sync', { after: null });

    // A new tab of the same visitor: the history it is given.
    const tab = await h.visitor({ token: visitor.token });
    const history = await ok<HelloReply>(tab, 'hello', { after: null, page: null });
    expect(history.messages.map((m) => m.text)).toContain('I will sort it out.');

    const received = [...visitor.history, ...tab.history, ...outsider.history];
    const everything = JSON.stringify([received, acks]);
    for (const secret of [transferNote, internalNote, followupNote, first.agentId, second.agentId, 'level 2']) {
      expect(everything).not.toContain(secret);
    }
    const keys = keysOf([received, acks]);
    for (const k of internalKeys) expect(keys.has(k), `a visitor received a field named ${k}`).toBe(false);

    // Every message and view, pushed or answered, has exactly the visitor's shape.
    const messages = [
      ...received.filter((r) => r.event === 'message:new').map((r) => r.args[0]),
      ...history.messages,
      ...acks.flatMap((a) => (a && typeof a === 'object' && 'messages' in a ? (a.messages as unknown[]) : [])),
    ];
    expect(messages.length).toBeGreaterThan(8);
    for (const m of messages) expect(VisitorMessage.safeParse(m).error).toBeUndefined();
    const views = received.filter((r) => r.event === 'conversation:update').map((r) => r.args[0]);
    for (const v of views) expect(ConversationView.strict().safeParse(v).error).toBeUndefined();
    expect(views.some((v) => (v as ConversationView).agent?.name === 'Second Line')).toBe(true);

    // The other tenant's visitor was told nothing of this chat.
    expect(JSON.stringify(outsider.history)).not.toContain(conversationId);
    expect(JSON.stringify(outsider.history)).not.toContain('charged twice');

    await Promise.all([first, second].map((a) => a.ok('agent:status', { status: 'away' })));
  });
});

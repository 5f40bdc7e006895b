import type { ChatSummary, ConversationView } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { twoProcesses } from '../support/stage.ts';
import type { TestClient } from '../support/clients.ts';

/**
 * Places in line with two processes on one Redis: each process tells the waiting visitors
 * connected to it, and a line moved by one process reaches the visitors of the other.
 */
const pair = twoProcesses();

const general = [{ skill: 'general', level: 1 }];
type Reply = { conversation: ConversationView };
const placeIs = (position: number) => (v: ConversationView) => v.state === 'queued' && v.queue?.position === position;
/** The place updates a visitor was sent, in order. */
const queueHeard = (v: TestClient) =>
  v.history
    .filter((e) => e.event === 'conversation:update')
    .flatMap((e) => {
      const { queue } = e.args[0] as ConversationView;
      return queue ? [queue] : [];
    });
/** Each update says something new (a place or an estimate), and the places run down one by one. */
function expectHeardOnce(v: TestClient, places: number[]) {
  const heard = queueHeard(v);
  heard.slice(1).forEach((q, i) => expect(q).not.toEqual(heard[i]));
  expect(heard.map((q) => q.position).filter((p, i, all) => p !== all[i - 1])).toEqual(places);
}

async function escalate(v: TestClient): Promise<number | undefined> {
  return (await v.ok<Reply>('conversation:escalate', {})).conversation.queue?.position;
}

describe('places in line across two processes', () => {
  it('tells each visitor their new place when the line moves in either process, and nobody whose place held', async () => {
    const { a, b } = pair;
    const agent = await a.newAgent({ skills: general, maxChats: 1 });
    const first = await a.visitor();
    await first.ok('conversation:escalate', {});
    const held = await agent.next<ChatSummary>('chat:assigned');

    // Three wait: on the other process, on this one, on the other.
    const w1 = await b.visitor();
    const w2 = await a.visitor();
    const w3 = await b.visitor();
    expect(await escalate(w1)).toBe(1);
    expect(await escalate(w2)).toBe(2);
    expect(await escalate(w3)).toBe(3);
    // Each hears its place from its own process once the announcement reaches it.
    await w3.next<ConversationView>('conversation:update', placeIs(3));

    // Two more join behind: those ahead of them keep their places and hear nothing new.
    const w4 = await a.visitor();
    const w5 = await b.visitor();
    expect(await escalate(w4)).toBe(4);
    expect(await escalate(w5)).toBe(5);
    await w5.next<ConversationView>('conversation:update', placeIs(5));

    // The line moves on the other process: w1 leaves it there; w2, here, hears it from this one.
    await w1.ok('conversation:leave-email', { email: 'later@example.com' });
    await w2.next<ConversationView>('conversation:update', placeIs(1));
    await w3.next<ConversationView>('conversation:update', placeIs(2));
    await w4.next<ConversationView>('conversation:update', placeIs(3));
    await w5.next<ConversationView>('conversation:update', placeIs(4));

    // The line moves here: the agent's chat ends and w2's is claimed; the other process's visitors move up.
    await agent.ok('chat:resolve', { conversationId: held.conversation.id });
    await w2.next<ConversationView>('conversation:update', (v) => v.state === 'assigned');
    await w3.next<ConversationView>('conversation:update', placeIs(1));
    await w5.next<ConversationView>('conversation:update', placeIs(3));
    await w4.next<ConversationView>('conversation:update', placeIs(2));

    // Nothing was said twice, the joins behind moved nobody, and each place came in order.
    expectHeardOnce(w3, [3, 2, 1]);
    expectHeardOnce(w4, [4, 3, 2]);
    expectHeardOnce(w5, [5, 4, 3]);

    await agent.ok('agent:status', { status: 'away' });
    for (const c of [agent, first, w1, w2, w3, w4, w5]) c.close();
  });
});

import { describe, expect, it } from 'vitest';
import type { TicketSummary } from '@cascade/shared';
import {
  consoleReducer,
  initialState,
  orderedChats,
  type Action,
  type ConsoleState,
} from '../src/state/console-state.ts';
import { conversation, detail, message, summary } from './fixtures.ts';

const run = (actions: Action[], from: ConsoleState = initialState('online')) => actions.reduce(consoleReducer, from);
const ME = 'a1';
const CLIENT_ID = '0b8c6f1e-58a2-4b8e-9a57-3f2f7f3c6a01';

describe('console state', () => {
  it('shows the inbox: my chats in order, the waiting line without them', () => {
    const state = run([
      { type: 'inbox', inbox: { mine: [summary('c1'), summary('c2')], waiting: [summary('c3', { state: 'queued' })] } },
    ]);
    expect(state.order).toEqual(['c1', 'c2']);
    expect(state.waiting.map((w) => w.conversation.id)).toEqual(['c3']);
  });

  it('orders chats by when they were assigned, whatever order the server lists them in', () => {
    const state = run([
      {
        type: 'inbox',
        inbox: { mine: [summary('late', { assignedAt: 3000 }), summary('early', { assignedAt: 1000 })], waiting: [] },
      },
    ]);
    expect(state.order).toEqual(['early', 'late']);
  });

  it('keeps a finished chat after a re-fetched inbox, but drops an active one the server no longer lists', () => {
    const state = run([
      { type: 'inbox', inbox: { mine: [summary('c1'), summary('c2')], waiting: [] } },
      { type: 'updated', chat: summary('c1', { state: 'resolved' }) },
      { type: 'inbox', inbox: { mine: [summary('c3')], waiting: [] } },
    ]);
    expect(state.order).toEqual(['c1', 'c3']);
  });

  it('keeps messages and the outbox when the inbox is fetched again', () => {
    const pending = { clientMsgId: CLIENT_ID, text: 'hi', internal: false, createdAt: 0, error: null };
    const state = run([
      { type: 'inbox', inbox: { mine: [summary('c1')], waiting: [] } },
      { type: 'opened', detail: detail('c1', [message({ id: '1-0', conversationId: 'c1' })]) },
      { type: 'pending', conversationId: 'c1', pending },
      { type: 'inbox', inbox: { mine: [summary('c1')], waiting: [] } },
    ]);
    expect(state.chats.c1?.messages.map((m) => m.id)).toEqual(['1-0']);
    expect(state.chats.c1?.outbox).toEqual([pending]);
    expect(state.chats.c1?.context).not.toBeNull();
  });

  it('adds an assigned chat as unread, selects it when nothing is open, and takes it off the waiting line', () => {
    const state = run([
      { type: 'waiting', waiting: [summary('c1', { state: 'queued' })] },
      { type: 'assigned', chat: summary('c1'), focused: false },
    ]);
    expect(state.order).toEqual(['c1']);
    expect(state.selected).toBe('c1');
    expect(state.chats.c1?.unread).toBe(1);
    expect(state.waiting).toEqual([]);
  });

  it('counts a new chat as read when it opens by itself in front of the agent', () => {
    const state = run([{ type: 'assigned', chat: summary('c1'), focused: true }]);
    expect(state.chats.c1?.unread).toBe(0);
    const behind = run([
      { type: 'inbox', inbox: { mine: [summary('c1')], waiting: [] } },
      { type: 'select', conversationId: 'c1' },
      { type: 'assigned', chat: summary('c2'), focused: true },
    ]);
    expect(behind.selected).toBe('c1');
    expect(behind.chats.c2?.unread).toBe(1);
  });

  it('counts unread messages once, and none for the chat being read', () => {
    const fromVisitor = message({ id: '2-0', conversationId: 'c2' });
    const state = run([
      { type: 'inbox', inbox: { mine: [summary('c1'), summary('c2')], waiting: [] } },
      { type: 'select', conversationId: 'c1' },
      { type: 'message', message: fromVisitor, myAgentId: ME, beingRead: false },
      { type: 'message', message: fromVisitor, myAgentId: ME, beingRead: false },
      { type: 'message', message: message({ id: '3-0', conversationId: 'c1' }), myAgentId: ME, beingRead: true },
    ]);
    expect(state.chats.c2?.unread).toBe(1);
    expect(state.chats.c2?.messages.filter((m) => m.id === '2-0')).toHaveLength(1);
    expect(state.chats.c2?.summary.lastMessage?.id).toBe('2-0');
    expect(state.chats.c1?.unread).toBe(0);
  });

  it('counts the messages a re-sync brings back as unread', () => {
    const state = run([
      { type: 'inbox', inbox: { mine: [summary('c1')], waiting: [] } },
      { type: 'opened', detail: detail('c1', [message({ id: '1-0', conversationId: 'c1' })]) },
      {
        type: 'synced',
        conversationId: 'c1',
        messages: [message({ id: '1-0', conversationId: 'c1' }), message({ id: '2-0', conversationId: 'c1' })],
        myAgentId: ME,
        beingRead: false,
      },
    ]);
    expect(state.chats.c1?.unread).toBe(1);
  });

  it('replaces a pending message with the stored one, whether the ack or the push comes first', () => {
    const pending = { clientMsgId: CLIENT_ID, text: 'On it', internal: false, createdAt: 0, error: null };
    const stored = message({
      id: '5-0',
      conversationId: 'c1',
      author: 'agent',
      agentId: ME,
      clientMsgId: CLIENT_ID,
      text: 'On it',
    });
    const base: Action[] = [
      { type: 'inbox', inbox: { mine: [summary('c1')], waiting: [] } },
      { type: 'pending', conversationId: 'c1', pending },
    ];
    const ackFirst = run([
      ...base,
      { type: 'synced', conversationId: 'c1', messages: [stored], myAgentId: ME, beingRead: false },
      { type: 'message', message: stored, myAgentId: ME, beingRead: false },
    ]);
    const pushFirst = run([
      ...base,
      { type: 'message', message: stored, myAgentId: ME, beingRead: false },
      { type: 'synced', conversationId: 'c1', messages: [stored], myAgentId: ME, beingRead: false },
    ]);
    for (const state of [ackFirst, pushFirst]) {
      expect(state.chats.c1?.outbox).toEqual([]);
      expect(state.chats.c1?.messages.filter((m) => m.clientMsgId === CLIENT_ID)).toHaveLength(1);
      expect(state.chats.c1?.unread).toBe(0);
    }
  });

  it("clears the visitor's typing when their message arrives", () => {
    const state = run([
      { type: 'inbox', inbox: { mine: [summary('c1')], waiting: [] } },
      { type: 'visitorTyping', conversationId: 'c1', typing: true },
      { type: 'message', message: message({ id: '1-0', conversationId: 'c1' }), myAgentId: ME, beingRead: true },
    ]);
    expect(state.chats.c1?.visitorTyping).toBe(false);
  });

  it('moves the selection to the neighbouring tab when a chat goes away', () => {
    const state = run([
      { type: 'inbox', inbox: { mine: [summary('c1'), summary('c2'), summary('c3')], waiting: [] } },
      { type: 'select', conversationId: 'c2' },
      { type: 'removed', conversationId: 'c2' },
    ]);
    expect(orderedChats(state).map((c) => c.summary.conversation.id)).toEqual(['c1', 'c3']);
    expect(state.selected).toBe('c3');
    expect(run([{ type: 'removed', conversationId: 'c3' }], state).selected).toBe('c1');
  });

  it('marks the chat it moves the selection to as read', () => {
    const state = run([
      { type: 'inbox', inbox: { mine: [summary('c1'), summary('c2')], waiting: [] } },
      { type: 'message', message: message({ id: '1-0', conversationId: 'c2' }), myAgentId: ME, beingRead: false },
      { type: 'select', conversationId: 'c1' },
      { type: 'removed', conversationId: 'c1' },
    ]);
    expect(state.selected).toBe('c2');
    expect(state.chats.c2?.unread).toBe(0);
  });

  it('marks a chat read when selected or when the window regains focus', () => {
    const unread = run([
      { type: 'inbox', inbox: { mine: [summary('c1'), summary('c2')], waiting: [] } },
      { type: 'select', conversationId: 'c1' },
      { type: 'message', message: message({ id: '1-0', conversationId: 'c1' }), myAgentId: ME, beingRead: false },
      { type: 'message', message: message({ id: '2-0', conversationId: 'c2' }), myAgentId: ME, beingRead: false },
    ]);
    expect(run([{ type: 'seen' }], unread).chats.c1?.unread).toBe(0);
    expect(run([{ type: 'select', conversationId: 'c2' }], unread).chats.c2?.unread).toBe(0);
  });

  it('ignores a selection of a chat it does not hold', () => {
    const state = run([{ type: 'select', conversationId: 'nope' }]);
    expect(state.selected).toBeNull();
  });

  it('records the ticket created by "Needs follow-up"', () => {
    const ticket = { id: 't1', number: 42 } as TicketSummary;
    const state = run([
      { type: 'inbox', inbox: { mine: [summary('c1')], waiting: [] } },
      { type: 'conversation', conversation: conversation({ id: 'c1', state: 'ticketed', ticketNumber: 42 }), ticket },
    ]);
    expect(state.chats.c1?.summary.conversation.state).toBe('ticketed');
    expect(state.chats.c1?.ticket?.number).toBe(42);
  });

  it('keeps a refused message with its reason until retried', () => {
    const pending = { clientMsgId: CLIENT_ID, text: 'hi', internal: true, createdAt: 0, error: null };
    const failed = run([
      { type: 'inbox', inbox: { mine: [summary('c1')], waiting: [] } },
      { type: 'pending', conversationId: 'c1', pending },
      { type: 'sendFailed', conversationId: 'c1', clientMsgId: CLIENT_ID, error: 'rate_limited' },
    ]);
    expect(failed.chats.c1?.outbox[0]?.error).toBe('rate_limited');
    expect(
      run([{ type: 'retrying', conversationId: 'c1', clientMsgId: CLIENT_ID }], failed).chats.c1?.outbox[0]?.error,
    ).toBeNull();
    expect(run([{ type: 'discard', conversationId: 'c1', clientMsgId: CLIENT_ID }], failed).chats.c1?.outbox).toEqual(
      [],
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  actionableBotMessage,
  botTyping,
  canAskForHuman,
  errorShown,
  isEnded,
  needsConnection,
  timeline,
  unreadCount,
} from '../src/timeline.ts';
import { conversation, message } from './fixtures.ts';

const visitor = message({ id: '1-0', author: 'visitor', clientMsgId: 'u1' });
const answer = message({
  id: '2-0',
  bot: { kind: 'answer', entryId: 'e1', language: 'en' },
});
const item = { clientMsgId: 'u2', text: 'more', ts: 2, failed: null };

describe('what the visitor sees', () => {
  it('lists stored messages, then those still being sent', () => {
    expect(timeline([visitor], [item]).map((e) => e.kind)).toEqual(['message', 'pending']);
  });

  it('shows the bot typing while it owes the visitor an answer', () => {
    const bot = conversation({ state: 'bot' });
    expect(botTyping({ conversation: bot, messages: [visitor], outbox: [] })).toBe(true);
    expect(botTyping({ conversation: bot, messages: [visitor, answer], outbox: [] })).toBe(false);
    expect(botTyping({ conversation: conversation({ state: 'queued' }), messages: [visitor], outbox: [] })).toBe(false);
    expect(botTyping({ conversation: bot, messages: [visitor], outbox: [item] })).toBe(false);
  });

  it('ignores system notes when deciding who spoke last', () => {
    const note = message({ id: '3-0', author: 'system', event: 'started' });
    expect(botTyping({ conversation: conversation(), messages: [visitor, note], outbox: [] })).toBe(true);
    expect(actionableBotMessage({ conversation: conversation(), messages: [answer, note] })).toBe(answer);
  });

  it("offers the answer's buttons only on the bot's latest answer, while the bot has the chat", () => {
    expect(actionableBotMessage({ conversation: conversation(), messages: [visitor, answer] })).toBe(answer);
    expect(actionableBotMessage({ conversation: conversation(), messages: [answer, visitor] })).toBeNull();
    expect(
      actionableBotMessage({ conversation: conversation({ state: 'queued' }), messages: [visitor, answer] }),
    ).toBeNull();
    const smalltalk = message({
      id: '4-0',
      bot: { kind: 'smalltalk', intent: 'thanks', language: 'en' },
    });
    expect(actionableBotMessage({ conversation: conversation(), messages: [smalltalk] })).toBeNull();
  });

  it('keeps "Talk to a person" reachable unless a person is on the way or there', () => {
    expect(canAskForHuman(null)).toBe(true);
    for (const state of ['bot', 'resolved', 'ticketed', 'abandoned'] as const) {
      expect(canAskForHuman(conversation({ state }))).toBe(true);
    }
    for (const state of ['queued', 'assigned', 'offered_ticket'] as const) {
      expect(canAskForHuman(conversation({ state }))).toBe(false);
    }
  });

  it('knows when a chat is over', () => {
    expect(isEnded(null)).toBe(false);
    expect(isEnded(conversation({ state: 'assigned' }))).toBe(false);
    expect(isEnded(conversation({ state: 'ticketed' }))).toBe(true);
  });

  it('counts bot and agent messages newer than what was read', () => {
    const agent = message({ id: '3-0', author: 'agent' });
    const note = message({ id: '4-0', author: 'system' });
    const later = message({ id: '10-0', author: 'visitor' });
    expect(unreadCount([visitor, answer, agent, note, later], '1-0')).toBe(2);
    expect(unreadCount([visitor, answer, agent], '3-0')).toBe(0);
    expect(unreadCount([answer], null)).toBe(0);
  });

  it('stays connected across pages only for a live chat or unsent messages', () => {
    expect(needsConnection({ conversation: null, outbox: [] })).toBe(false);
    expect(needsConnection({ conversation: null, outbox: [item] })).toBe(true);
    expect(needsConnection({ conversation: conversation({ state: 'queued' }), outbox: [] })).toBe(true);
    expect(needsConnection({ conversation: conversation({ state: 'resolved' }), outbox: [] })).toBe(false);
  });
});

describe('where an error shows', () => {
  const shown = conversation({ id: 'c1', state: 'resolved' });
  const inC1 = message({ id: '3-0', conversationId: 'c1' });
  const inC2 = message({ id: '4-0', conversationId: 'c2' });

  it('shows under the conversation the action failed in', () => {
    expect(errorShown('c1', shown, [inC1])).toBe(true);
    expect(errorShown('c1', shown, [])).toBe(true);
    expect(errorShown(null, null, [])).toBe(true);
  });

  it('shows nothing when nothing failed, or when it failed in another conversation', () => {
    expect(errorShown(undefined, shown, [inC1])).toBe(false);
    expect(errorShown('c0', shown, [inC1])).toBe(false);
    expect(errorShown(null, shown, [inC1])).toBe(false);
  });

  it("hides the last conversation's error once a newer one's first message is in, before the conversation itself", () => {
    expect(errorShown('c1', shown, [inC1, inC2])).toBe(false);
  });
});

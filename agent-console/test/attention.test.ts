import { describe, expect, it } from 'vitest';
import { attentionCount } from '../src/state/attention.ts';
import { consoleReducer, initialState } from '../src/state/console-state.ts';
import { agent, message, summary } from './fixtures.ts';

describe('attentionCount', () => {
  it('counts unread messages and the waiting chats the agent could pick', () => {
    const state = [
      { type: 'inbox' as const, inbox: { mine: [summary('c1'), summary('c2')], waiting: [] } },
      {
        type: 'message' as const,
        message: message({ id: '1-0', conversationId: 'c1' }),
        myAgentId: 'a1',
        beingRead: false,
      },
      {
        type: 'message' as const,
        message: message({ id: '2-0', conversationId: 'c1' }),
        myAgentId: 'a1',
        beingRead: false,
      },
      {
        type: 'waiting' as const,
        waiting: [
          summary('w1', { state: 'queued', skill: 'general' }),
          summary('w2', { state: 'queued', skill: 'tech' }),
        ],
      },
    ].reduce(consoleReducer, initialState('online'));
    expect(attentionCount(state, agent())).toBe(3);
  });

  it('is zero when nothing waits for the agent', () => {
    expect(attentionCount(initialState('away'), agent())).toBe(0);
  });
});

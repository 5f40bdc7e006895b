import { describe, expect, it } from 'vitest';
import { needsAttention, nextUnread } from '../src/logic/unread.ts';
import { message } from './fixtures.ts';

describe('unread counts', () => {
  const fromVisitor = message({ id: '1-0', author: 'visitor' });
  const mine = message({ id: '2-0', author: 'agent', agentId: 'a1' });
  const colleague = message({ id: '3-0', author: 'agent', agentId: 'a2', internal: true });
  const system = message({ id: '4-0', author: 'system', event: 'claimed' });
  const bot = message({ id: '5-0', author: 'bot' });

  it("counts the visitor's messages and colleagues' notes, not the agent's own or system lines", () => {
    expect(needsAttention(fromVisitor, 'a1')).toBe(true);
    expect(needsAttention(colleague, 'a1')).toBe(true);
    expect(needsAttention(mine, 'a1')).toBe(false);
    expect(needsAttention(system, 'a1')).toBe(false);
    expect(needsAttention(bot, 'a1')).toBe(false);
  });

  it('stays at zero for the chat being read', () => {
    expect(nextUnread(3, fromVisitor, 'a1', true)).toBe(0);
    expect(nextUnread(3, fromVisitor, 'a1', false)).toBe(4);
    expect(nextUnread(3, mine, 'a1', false)).toBe(3);
  });
});

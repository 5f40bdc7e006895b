import { groupQuestions } from '@cascade/bot';
import type { MissedQuestion } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { GROUP_INLINE_MAX, groupMissed } from '../src/kb/group.ts';

const topics = ['student discount', 'gift wrapping', 'sofa legs', 'parking at the store', 'pay in installments'];
const questions: MissedQuestion[] = Array.from({ length: GROUP_INLINE_MAX + 50 }, (_, i) => ({
  conversationId: `c${i}`,
  text: `${['do you have', 'is there', 'can I get'][i % 3]} ${topics[i % topics.length]} ${i % 2 ? 'please' : ''}`,
  ts: i,
  language: 'en',
  reason: 'escalated',
  agentReply: null,
}));

describe('grouping many missed questions in a thread of their own', () => {
  it('gives the groups the event loop would, with the representative one of the members', async () => {
    const groups = await groupMissed(questions, []);
    expect(groups).toEqual(groupQuestions(questions, []));
    expect(groups.length).toBeGreaterThan(1);
    for (const g of groups) expect(g.members).toContain(g.representative);
    expect(groups.every((g) => g.members.some((m) => m === g.representative))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { groupWaiting, newlyWaiting, waitStart } from '../src/logic/waiting.ts';
import { conversation } from './fixtures.ts';
import { summary } from './fixtures.ts';

describe('waiting lines', () => {
  const a = summary('a', { state: 'queued', skill: 'tech', waitingSince: 3000 });
  const b = summary('b', { state: 'queued', skill: 'billing', waitingSince: 2000 });
  const c = summary('c', { state: 'queued', skill: 'tech', waitingSince: 1000 });

  it('groups by skill, longest wait first', () => {
    const groups = groupWaiting([a, b, c]);
    expect(groups.map((g) => g.skill)).toEqual(['billing', 'tech']);
    expect(groups[1]?.chats.map((x) => x.conversation.id)).toEqual(['c', 'a']);
  });

  it('counts the current wait, else from the first queueing, else from creation', () => {
    expect(waitStart(conversation({ waitingSince: 900, queuedAt: 700, createdAt: 500 }))).toBe(900);
    expect(waitStart(conversation({ waitingSince: null, queuedAt: 700, createdAt: 500 }))).toBe(700);
    expect(waitStart(conversation({ waitingSince: null, queuedAt: null, createdAt: 500 }))).toBe(500);
  });

  it('finds the chats that just started waiting', () => {
    expect(newlyWaiting([a], [a, b, c])).toEqual(['b', 'c']);
    expect(newlyWaiting([a, b], [b])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { seenMark } from '../src/seen.ts';

const m = (id: string, mine: boolean) => ({ id, mine });
const isMine = (x: { mine: boolean }) => x.mine;

describe('the seen mark', () => {
  const messages = [m('1-0', true), m('2-0', false), m('3-0', true), m('10-0', true)];

  it('sits under the newest own message the other side has seen', () => {
    expect(seenMark(messages, '3-0', isMine)).toBe('3-0');
    expect(seenMark(messages, '9-5', isMine)).toBe('3-0');
    expect(seenMark(messages, '2-0', isMine)).toBe('1-0');
  });

  it('is nowhere before anything was seen', () => {
    expect(seenMark(messages, null, isMine)).toBeNull();
    expect(seenMark(messages, '0-1', isMine)).toBeNull();
  });
});

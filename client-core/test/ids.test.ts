import { describe, expect, it } from 'vitest';
import {
  compareIds as compareMessageIds,
  lastId as lastMessageId,
  mergeMessages,
  newer as newerMessage,
} from '../src/index.ts';
import { message } from './fixtures.ts';

describe('compareMessageIds', () => {
  it('orders by time, then by sequence', () => {
    expect(compareMessageIds('1700000000000-0', '1700000000001-0')).toBeLessThan(0);
    expect(compareMessageIds('1700000000000-2', '1700000000000-10')).toBeLessThan(0);
    expect(compareMessageIds('1700000000000-3', '1700000000000-3')).toBe(0);
  });

  it('compares numbers beyond 2^53 exactly', () => {
    expect(compareMessageIds('99999999999999999999-0', '99999999999999999998-0')).toBeGreaterThan(0);
    expect(compareMessageIds('999-0', '1000-0')).toBeLessThan(0);
  });
});

describe('mergeMessages', () => {
  it('adds each message once and keeps stream order', () => {
    const a = message({ id: '1-0', text: 'a' });
    const b = message({ id: '2-0', text: 'b' });
    const c = message({ id: '10-0', text: 'c' });
    const merged = mergeMessages([a, c], [b, c, a]);
    expect(merged.map((m) => m.id)).toEqual(['1-0', '2-0', '10-0']);
  });

  it('lets a later copy of a message replace the earlier one', () => {
    const merged = mergeMessages([message({ id: '1-0', text: 'old' })], [message({ id: '1-0', text: 'new' })]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.text).toBe('new');
  });

  it('returns the same array when nothing arrives', () => {
    const current = [message({ id: '1-0' })];
    expect(mergeMessages(current, [])).toBe(current);
  });
});

describe('cursors', () => {
  it('resumes after the newest message, or from the start', () => {
    expect(lastMessageId([message({ id: '1-0' }), message({ id: '5-1' })])).toBe('5-1');
    expect(lastMessageId([])).toBeNull();
  });

  it('picks the newer of two last messages', () => {
    const older = message({ id: '1-0' });
    const newer = message({ id: '2-0' });
    expect(newerMessage(older, newer)).toBe(newer);
    expect(newerMessage(newer, older)).toBe(newer);
    expect(newerMessage(null, older)).toBe(older);
    expect(newerMessage(older, null)).toBe(older);
  });
});

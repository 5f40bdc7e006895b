import { describe, expect, it } from 'vitest';
import { compareIds, lastId, mergeMessages } from '../src/index.ts';
import { message } from './fixtures.ts';

describe('stream ids', () => {
  it('order by time, then by sequence, numerically', () => {
    expect(compareIds('1700000000000-0', '1700000000001-0')).toBeLessThan(0);
    expect(compareIds('1700000000000-2', '1700000000000-10')).toBeLessThan(0);
    expect(compareIds('999-0', '1000-0')).toBeLessThan(0);
    expect(compareIds('5-5', '5-5')).toBe(0);
  });

  it('compare correctly beyond 2^53', () => {
    expect(compareIds('18446744073709551615-0', '18446744073709551614-9')).toBeGreaterThan(0);
  });
});

describe('merging messages', () => {
  const a = message({ id: '1-0' });
  const b = message({ id: '2-0', author: 'visitor', clientMsgId: 'u-b' });
  const c = message({ id: '3-0' });

  it('adds what is new and keeps stream order whatever order it arrives in', () => {
    expect(mergeMessages([a], [c, b]).map((m) => m.id)).toEqual(['1-0', '2-0', '3-0']);
  });

  it('never shows a message twice, by id', () => {
    expect(mergeMessages([a, b], [b, a, c]).map((m) => m.id)).toEqual(['1-0', '2-0', '3-0']);
  });

  it('never shows a message twice, by clientMsgId (an ack and the echo for another tab)', () => {
    const echo = { ...b, id: '2-0' };
    const sameClientOtherId = { ...b, id: '9-0' };
    expect(mergeMessages([b], [echo, sameClientOtherId])).toEqual([b]);
  });

  it('drops duplicates within one batch too', () => {
    expect(mergeMessages([], [c, c, a]).map((m) => m.id)).toEqual(['1-0', '3-0']);
  });

  it('returns the same list when nothing was new', () => {
    const list = [a, b];
    expect(mergeMessages(list, [a])).toBe(list);
    expect(mergeMessages(list, [])).toBe(list);
  });

  it('knows the resume cursor', () => {
    expect(lastId([a, b])).toBe('2-0');
    expect(lastId([])).toBeNull();
  });
});

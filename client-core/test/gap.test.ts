import { describe, expect, it } from 'vitest';
import { afterPush, afterSync, createResync, hasGap, isCurrent } from '../src/index.ts';
import { message, type TestMessage } from './fixtures.ts';

const push = (id: string, prev: string | null) => message({ id, prev });

describe('what is held without a hole', () => {
  it('grows with each push whose prev is the last id held', () => {
    let at = afterPush(null, push('1-0', null));
    at = afterPush(at, push('2-0', '1-0'));
    expect(at).toBe('2-0');
    expect(hasGap(at, push('2-0', '1-0'))).toBe(false);
  });

  it('stays at the last contiguous id when a push shows a hole, and asks for the gap', () => {
    const lost = push('3-0', '2-0');
    const at = afterPush('2-0', push('4-0', '3-0'));
    expect(at).toBe('2-0');
    expect(hasGap(at, push('4-0', '3-0'))).toBe(true);
    expect(hasGap(at, lost)).toBe(true);
  });

  it('reaches the last message a sync from it returned, never past a sync from further on', () => {
    expect(afterSync('2-0', '2-0', [push('3-0', '2-0'), push('4-0', '3-0')])).toBe('4-0');
    expect(afterSync(null, null, [push('1-0', null)])).toBe('1-0');
    // A sync from beyond what is held proves nothing about the messages in between.
    expect(afterSync('2-0', '5-0', [push('6-0', '5-0')])).toBe('2-0');
  });

  it('ignores messages without prev (acks, older servers) and copies of what is held', () => {
    expect(afterPush('2-0', message({ id: '3-0' }))).toBe('2-0');
    expect(hasGap('2-0', message({ id: '3-0' }))).toBe(false);
    expect(afterPush('5-0', push('3-0', '2-0'))).toBe('5-0');
  });
});

describe('resync', () => {
  it('fetches exactly the gap from the last contiguous id, not from the newest id held', async () => {
    const asked: (string | null)[] = [];
    const taken: TestMessage[] = [];
    const stream = [push('1-0', null), push('2-0', '1-0'), push('3-0', '2-0'), push('4-0', '3-0')];
    const resync = createResync<TestMessage>({
      fetch: (_id, after) => {
        asked.push(after);
        return Promise.resolve(stream.filter((m) => after === null || m.id > after));
      },
      take: (_id, messages) => taken.push(...messages),
    });
    resync.synced('c1', null, stream.slice(0, 2));
    // 3-0 was lost; 4-0 arrives first (say, on a new socket after a reconnect).
    resync.pushed(stream[3]!);
    await expect.poll(() => resync.cursor('c1')).toBe('4-0');
    expect(asked).toEqual(['2-0']);
    expect(taken.map((m) => m.id)).toEqual(['3-0', '4-0']);
  });

  it('on a reconnect fetches from the contiguous id even when newer pushes already came', async () => {
    const asked: (string | null)[] = [];
    const resync = createResync<TestMessage>({
      fetch: (_id, after) => {
        asked.push(after);
        return Promise.resolve(null);
      },
      take: () => undefined,
    });
    resync.synced('c1', null, [push('1-0', null)]);
    resync.pushed(push('9-0', '8-0'));
    await resync.sync('c1');
    expect(asked.every((a) => a === '1-0')).toBe(true);
  });
});

describe('versioned views', () => {
  it('keeps the newer view of a conversation and takes any view of another one', () => {
    expect(isCurrent({ id: 'c1', version: 4 }, { id: 'c1', version: 3 })).toBe(false);
    expect(isCurrent({ id: 'c1', version: 4 }, { id: 'c1', version: 4 })).toBe(true);
    expect(isCurrent({ id: 'c1', version: 4 }, { id: 'c1', version: 5 })).toBe(true);
    expect(isCurrent({ id: 'c1', version: 4 }, { id: 'c2', version: 1 })).toBe(true);
    expect(isCurrent(null, { id: 'c1', version: 1 })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { isOpen, localTime } from '../src/routing/hours.ts';
import { priorityFor } from '../src/routing/priority.ts';

describe('business hours', () => {
  const tehran = { timeZone: 'Asia/Tehran', weekly: [{ day: 6, open: '09:00', close: '17:00' }] };
  // 2026-11-21 is a Saturday; Tehran is UTC+3:30 all year.
  it('reads the time in the site’s zone', () => {
    expect(localTime('Asia/Tehran', new Date('2026-11-21T06:00:00Z'))).toEqual({ day: 6, minutes: 9 * 60 + 30 });
  });
  it.each([
    ['2026-11-21T05:29:00Z', false],
    ['2026-11-21T05:30:00Z', true],
    ['2026-11-21T13:29:00Z', true],
    ['2026-11-21T13:30:00Z', false],
    ['2026-11-22T06:00:00Z', false],
  ])('at %s open is %s', (at, open) => {
    expect(isOpen(tehran, new Date(at))).toBe(open);
  });
  it('handles intervals past midnight and always-open sites', () => {
    const night = { timeZone: 'UTC', weekly: [{ day: 5, open: '22:00', close: '02:00' }] };
    expect(isOpen(night, new Date('2026-11-20T23:00:00Z'))).toBe(true);
    expect(isOpen(night, new Date('2026-11-21T01:59:00Z'))).toBe(true);
    expect(isOpen(night, new Date('2026-11-21T02:00:00Z'))).toBe(false);
    expect(isOpen(null, new Date())).toBe(true);
  });
});

describe('priority rules', () => {
  const rules = [
    { when: 'page' as const, pattern: '/checkout', priority: 5 },
    { when: 'page' as const, pattern: '/account/*/orders', priority: 3 },
    { when: 'identified' as const, priority: 2 },
  ];
  it.each([
    [{ verified: false, pageUrl: 'https://shop.example/checkout/pay' }, 5],
    [{ verified: true, pageUrl: 'https://shop.example/checkout' }, 5],
    [{ verified: false, pageUrl: 'https://shop.example/account/42/orders' }, 3],
    [{ verified: true, pageUrl: 'https://shop.example/' }, 2],
    [{ verified: false, pageUrl: 'https://shop.example/sofas?next=/checkout' }, 0],
    [{ verified: false, pageUrl: null }, 0],
    [{ verified: false, pageUrl: 'not a url' }, 0],
  ])('%j gets %i', (visitor, priority) => {
    expect(priorityFor(rules, visitor)).toBe(priority);
  });
});

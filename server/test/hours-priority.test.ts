import { PriorityRule } from '@cascade/shared';
import { describe, expect, it, vi } from 'vitest';
import { isOpen, localTime } from '../src/routing/hours.ts';
import { pathMatches, priorityFor } from '../src/routing/priority.ts';

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

  it('matches an attribute by its exact value, and only a visitor’s own attribute', () => {
    const pro = [{ when: 'attribute' as const, key: 'plan', value: 'pro', priority: 5 }];
    const at = (attributes?: Record<string, string>) =>
      priorityFor(pro, { verified: false, pageUrl: null, attributes });
    expect(at({ plan: 'pro', orderId: '1042' })).toBe(5);
    expect(at({ plan: 'Pro' })).toBe(0);
    expect(at({})).toBe(0);
    expect(at()).toBe(0);
    const inherited = [
      { when: 'attribute' as const, key: 'constructor', value: 'function Object() { [native code] }', priority: 9 },
    ];
    expect(priorityFor(inherited, { verified: false, pageUrl: null, attributes: {} })).toBe(0);
  });
});

describe('page patterns', () => {
  it.each([
    ['/checkout', '/checkout/pay', true],
    ['/checkout', '/check', false],
    ['*', '/anything', true],
    ['/a/*/c', '/a/b/x/c/d', true],
    ['/a/*/c', '/a/c', false],
    ['/a**b', '/ab', true],
    ['/*.pdf', '/docs/guide.pdf', true],
    ['/x+y', '/x+y', true],
    ['/x.y', '/xzy', false],
  ])('%s against %s is %s', (pattern, path, matches) => {
    expect(pathMatches(pattern, path)).toBe(matches);
  });

  // The matcher's cost must not depend on what a visitor's page path holds: it scans the path once,
  // left to right, one search per wildcard, never going back (no backtracking to blow up).
  it('answers the worst pattern against a 2,000-character path in one forward scan', () => {
    const path = '/'.repeat(2000);
    const stars = '/*'.repeat(10);
    const patterns = [`${stars}/x`, `${'*'.repeat(10)}x`, `${stars}${'/'.repeat(179)}x`, `/${'*/'.repeat(9)}*x`];
    const searches = vi.spyOn(String.prototype, 'indexOf');
    try {
      for (const pattern of patterns) {
        expect(PriorityRule.safeParse({ when: 'page', pattern, priority: 1 }).success).toBe(true);
        searches.mockClear();
        const matched = pathMatches(pattern, path);
        const starts = searches.mock.calls.map((call) => call[1] ?? 0);
        expect(matched).toBe(false);
        expect(starts.length).toBeLessThanOrEqual(pattern.split('*').length - 1);
        // Each search starts where the last one ended.
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }
    } finally {
      searches.mockRestore();
    }
    const pageUrl = `https://shop.example${'/a'.repeat(1000)}`;
    expect(priorityFor([{ when: 'page', pattern: `${stars}/x`, priority: 5 }], { verified: false, pageUrl })).toBe(0);
  });

  it('refuses a pattern with more than 10 wildcards or over 200 characters', () => {
    const rule = (pattern: string) => PriorityRule.safeParse({ when: 'page', pattern, priority: 1 }).success;
    expect(rule('/*'.repeat(11))).toBe(false);
    expect(rule(`/${'a'.repeat(200)}`)).toBe(false);
  });
});

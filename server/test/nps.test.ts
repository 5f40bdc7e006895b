import { npsSummary } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { asksCsat, npsRefusal } from '../src/waterfall/nps.ts';

const DAY = 86_400_000;
const site = { nps: { periodDays: 90, replacesCsat: false } };
const ended = { state: 'resolved' as const, nps: undefined };

describe('the NPS question', () => {
  it('is asked after a chat ends, once per chat, and once per visitor per period', () => {
    const now = 1000 * DAY;
    expect(npsRefusal(site, {}, ended, now)).toBeNull();
    expect(npsRefusal(site, {}, { ...ended, state: 'ticketed' }, now)).toBeNull();
    expect(npsRefusal(site, {}, { ...ended, state: 'assigned' }, now)?.code).toBe('invalid_state');
    expect(npsRefusal({ nps: null }, {}, ended, now)?.code).toBe('invalid_state');
    expect(npsRefusal(site, {}, { ...ended, nps: { score: 9, comment: null, ts: now } }, now)?.code).toBe('conflict');
    expect(npsRefusal(site, { npsAt: now - 89 * DAY }, ended, now)?.code).toBe('conflict');
    expect(npsRefusal(site, { npsAt: now - 90 * DAY }, ended, now)).toBeNull();
  });

  it('replaces the CSAT stars only when the site says so', () => {
    expect(asksCsat(site)).toBe(true);
    expect(asksCsat({ nps: null })).toBe(true);
    expect(asksCsat({ nps: { periodDays: 30, replacesCsat: true } })).toBe(false);
  });

  it('scores %promoters − %detractors, with passives counted but not scored', () => {
    expect(npsSummary([10, 9, 8, 7, 6, 0])).toEqual({
      answers: 6,
      promoters: 2,
      passives: 2,
      detractors: 2,
      score: 0,
    });
    expect(npsSummary([10, 10, 10, 3]).score).toBe(50);
    expect(npsSummary([]).score).toBeNull();
  });
});

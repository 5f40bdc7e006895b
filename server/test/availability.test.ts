import { describe, expect, it } from 'vitest';
import { availability } from '../src/routing/availability.ts';
import { isOpen, nextOpening } from '../src/routing/hours.ts';

// 2026-11-20 is a Friday; Tehran is UTC+3:30 all year.
const mondays = { timeZone: 'Asia/Tehran', weekly: [{ day: 1, open: '09:00', close: '17:00' }] };
const friday = new Date('2026-11-20T08:00:00Z');

describe('next opening', () => {
  it('is the next Monday 09:00 in the site’s zone when only Mondays are open', () => {
    expect(nextOpening(mondays, friday)).toBe(Date.parse('2026-11-23T05:30:00Z'));
  });
  it('steps over holidays, which close a whole local date', () => {
    const withHoliday = { ...mondays, holidays: ['2026-11-23'] };
    expect(isOpen(withHoliday, new Date('2026-11-23T06:00:00Z'))).toBe(false);
    expect(isOpen(mondays, new Date('2026-11-23T06:00:00Z'))).toBe(true);
    expect(nextOpening(withHoliday, friday)).toBe(Date.parse('2026-11-30T05:30:00Z'));
  });
  it('is later today when today opens later, and none for always-open sites', () => {
    const fridays = { timeZone: 'UTC', weekly: [{ day: 5, open: '13:00', close: '18:00' }] };
    expect(nextOpening(fridays, friday)).toBe(Date.parse('2026-11-20T13:00:00Z'));
    expect(nextOpening(null, friday)).toBeNull();
    expect(nextOpening({ timeZone: 'UTC', weekly: [] }, friday)).toBeNull();
  });
  it('reads the wall clock across a daylight-saving change', () => {
    // Berlin leaves summer time on 2026-10-25: Monday 26 October opens at 09:00 CET, 08:00 UTC.
    const berlin = { timeZone: 'Europe/Berlin', weekly: [{ day: 1, open: '09:00', close: '17:00' }] };
    expect(nextOpening(berlin, new Date('2026-10-23T12:00:00Z'))).toBe(Date.parse('2026-10-26T08:00:00Z'));
  });
});

describe('availability', () => {
  const base = { hours: null, now: friday, eligibleAgents: 1, etaSeconds: 120, horizonSeconds: 180 };
  it('gives an estimate when an eligible agent can take the chat within the limit', () => {
    expect(availability(base)).toEqual({ available: true, opensAt: null });
  });
  it('gives none with nobody eligible online, or past the wait limit', () => {
    expect(availability({ ...base, eligibleAgents: 0 }).available).toBe(false);
    expect(availability({ ...base, etaSeconds: 600 }).available).toBe(false);
  });
  it('gives none when closed, saying when the team is back', () => {
    expect(availability({ ...base, hours: mondays })).toEqual({
      available: false,
      opensAt: Date.parse('2026-11-23T05:30:00Z'),
    });
  });
  it('gives none when the site closes before the estimate runs out', () => {
    const closing = { timeZone: 'UTC', weekly: [{ day: 5, open: '07:00', close: '08:01' }] };
    expect(availability({ ...base, hours: closing, etaSeconds: 120 }).available).toBe(false);
    expect(availability({ ...base, hours: closing, etaSeconds: 30 }).available).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { settingsForm, settingsPatch } from '../src/logic/settings-form.ts';
import { site } from './fixtures.ts';

describe('holidays in the settings form', () => {
  const weekly = [{ day: 1, open: '09:00', close: '17:00' }];

  it('sends the dates beside the weekly hours, once each and in order', () => {
    const s = site({ businessHours: { timeZone: 'Asia/Tehran', weekly } });
    const form = settingsForm(s);
    form.holidays = ['2026-12-31', '2026-03-21', '2026-12-31'];
    expect(settingsPatch(s, form)).toEqual({
      ok: true,
      patch: { businessHours: { timeZone: 'Asia/Tehran', weekly, holidays: ['2026-03-21', '2026-12-31'] } },
    });
  });

  it('reads the stored dates back, so nothing changed sends nothing', () => {
    const s = site({ businessHours: { timeZone: 'UTC', weekly, holidays: ['2026-01-01'] } });
    expect(settingsForm(s).holidays).toEqual(['2026-01-01']);
    expect(settingsPatch(s, settingsForm(s))).toEqual({ ok: true, patch: {} });
  });

  it('points at a date left empty', () => {
    const s = site({ businessHours: { timeZone: 'UTC', weekly } });
    const form = settingsForm(s);
    form.holidays = [''];
    expect(settingsPatch(s, form)).toEqual({ ok: false, problem: { field: 'holidays', kind: 'date' } });
  });
});

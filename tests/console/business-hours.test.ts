import { describe, expect, it } from 'vitest';
import { assertConsoleBuilt, openConsole } from './console-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

const strings = {
  en: {
    hours: 'Business hours',
    on: 'Chat only during business hours',
    zone: 'Time zone',
    addHours: 'Add opening hours',
    addHoliday: 'Add a holiday',
    date: 'Date',
    save: 'Save settings',
    saved: 'Settings saved.',
  },
  fa: {
    hours: 'ساعات کاری',
    on: 'گفتگو فقط در ساعات کاری',
    zone: 'منطقهٔ زمانی',
    addHours: 'افزودن ساعت کاری',
    addHoliday: 'افزودن تعطیلی',
    date: 'تاریخ',
    save: 'ذخیرهٔ تنظیمات',
    saved: 'تنظیمات ذخیره شد.',
  },
} as const;

describe('business hours in the console', () => {
  it.each(['en', 'fa'] as const)(
    'picks the time zone from a list and keeps holidays beside the weekly hours (%s)',
    async (locale) => {
      const s = strings[locale];
      await stage.h.configureSite({ businessHours: null });
      const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/settings', locale });
      const hours = page.getByRole('group', { name: s.hours });
      await hours.getByRole('checkbox', { name: s.on }).check();
      // A list, not a text box: only zones the browser knows can be chosen.
      const zone = hours.getByRole('combobox', { name: s.zone });
      await zone.selectOption('Asia/Tehran');
      expect(await hours.getByRole('textbox', { name: s.zone }).count()).toBe(0);
      const known = await zone.locator('option').allTextContents();
      expect(known).toContain('Europe/Berlin');
      expect(known).toContain('UTC');

      await hours.getByRole('button', { name: s.addHours }).click();
      await hours.getByRole('button', { name: s.addHoliday }).click();
      await hours.getByLabel(s.date).fill('2026-12-31');
      await page.getByRole('button', { name: s.save }).click();
      await page.getByText(s.saved).waitFor();

      const site = await stage.h.cascade.sites.get(stage.h.demo.siteId);
      expect(site?.businessHours).toEqual({
        timeZone: 'Asia/Tehran',
        weekly: [{ day: 1, open: '09:00', close: '17:00' }],
        holidays: ['2026-12-31'],
      });
      await stage.h.configureSite({ businessHours: null });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

import type { Locale } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { etaMinutes, formatNumber, formatOpening, formatTime } from '../src/i18n/format.ts';
import { translator } from '../src/i18n/t.ts';
import { catalogue as ar } from '../src/locales/ar.ts';
import { catalogue as en } from '../src/locales/en.ts';
import { catalogue as fa } from '../src/locales/fa.ts';

const digitsOf: Record<Locale, RegExp> = { en: /[0-9]/u, ar: /[٠-٩]/u, fa: /[۰-۹]/u };
const otherDigits: Record<Locale, RegExp> = { en: /[٠-٩۰-۹]/u, ar: /[0-9۰-۹]/u, fa: /[0-9٠-٩]/u };

const catalogues = { en, ar, fa };

const at = Date.UTC(2024, 0, 1, 22, 13);

describe('digits per locale in the widget', () => {
  for (const locale of ['en', 'ar', 'fa'] as const) {
    it(`writes a time, a count and a wait in the ${locale} digits only`, () => {
      const t = translator(locale, catalogues[locale]);
      const wait = t('queue.eta', { n: etaMinutes(540) ?? 0 });
      for (const text of [formatTime(locale, at, 'UTC'), formatNumber(locale, 12), wait, formatOpening(locale, at)]) {
        expect(text, text).toMatch(digitsOf[locale]);
        expect(text, text).not.toMatch(otherDigits[locale]);
      }
    });
  }

  it('writes the same count the same way in each locale', () => {
    expect(formatNumber('en', 12)).toBe('12');
    expect(formatNumber('ar', 12)).toBe('١٢');
    expect(formatNumber('fa', 12)).toBe('۱۲');
  });
});

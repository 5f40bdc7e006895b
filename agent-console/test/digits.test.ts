import type { Locale } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/i18n/translator.ts';

/** Only the digits of each locale's numbering system, plus what surrounds numbers in words. */
const digitsOf: Record<Locale, RegExp> = { en: /[0-9]/u, ar: /[٠-٩]/u, fa: /[۰-۹]/u };
const otherDigits: Record<Locale, RegExp> = { en: /[٠-٩۰-۹]/u, ar: /[0-9۰-۹]/u, fa: /[0-9٠-٩]/u };

const at = Date.UTC(2024, 0, 1, 22, 13);

describe('digits per locale in the console', () => {
  for (const locale of ['en', 'ar', 'fa'] as const) {
    it(`writes a time, a count and a duration in the ${locale} digits only`, () => {
      const t = createTranslator(locale);
      for (const text of [t.time(at), t.t('inbox.unread', { n: 12 }), t.duration(192_000), t.dateTime(at)]) {
        expect(text, text).toMatch(digitsOf[locale]);
        expect(text, text).not.toMatch(otherDigits[locale]);
      }
    });
  }

  it('writes the same count the same way in each locale', () => {
    expect(createTranslator('en').num(12)).toBe('12');
    expect(createTranslator('ar').num(12)).toBe('١٢');
    expect(createTranslator('fa').num(12)).toBe('۱۲');
    expect(createTranslator('ar').num(4.5)).toBe('٤٫٥');
  });
});

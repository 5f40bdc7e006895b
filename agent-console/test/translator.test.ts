import { describe, expect, it } from 'vitest';
import { localizeDigits } from '../src/i18n/digits.ts';
import { locales } from '../src/i18n/locales.ts';
import { createTranslator } from '../src/i18n/translator.ts';
import { titleWithBadge } from '../src/logic/title.ts';
import { en, type MessageKey } from '../src/locales/en.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('use the same placeholders in every language', () => {
    for (const locale of ['ar', 'fa'] as const) {
      for (const key of Object.keys(en) as MessageKey[]) {
        const expected = placeholders(en[key]);
        // Arabic says "one" and "two" with the noun's own form (موظف واحد، موظفان), without the number.
        const impliedCount = locale === 'ar' && /\.(one|two)$/.test(key);
        const wanted = impliedCount ? expected.filter((name) => name !== 'n') : expected;
        expect(placeholders(locales[locale].strings[key]), `${locale} ${key}`).toEqual(wanted);
      }
    }
  });

  it('translate every string (no English left in Arabic or Persian)', () => {
    const sameEverywhere = new Set<MessageKey>([
      'app.titleBadge',
      'app.brand',
      'tabs.hint',
      'context.conversation',
      'context.ticket',
      'metrics.none',
      'agents.skillLevel',
      'agents.noSkill',
    ]);
    for (const locale of ['ar', 'fa'] as const) {
      for (const key of Object.keys(en) as MessageKey[]) {
        if (sameEverywhere.has(key)) continue;
        expect(locales[locale].strings[key], `${locale} ${key}`).not.toBe(en[key]);
      }
    }
  });
});

describe('t', () => {
  it('fills parameters', () => {
    const { t } = createTranslator('en');
    expect(t('chat.typing', { name: 'Mina' })).toBe('Mina is typing…');
    expect(t('inbox.unread', { n: 3 })).toBe('3 unread');
  });

  it('writes numbers in Persian digits for fa, but leaves names and skills as typed', () => {
    const fa = createTranslator('fa');
    expect(fa.t('inbox.skillLevel', { skill: 'billing2', level: 2 })).toBe('billing2 · سطح ۲');
    expect(fa.num(1234567890)).toBe('۱۲۳۴۵۶۷۸۹۰');
  });

  it('writes Arabic-Indic digits for Arabic', () => {
    expect(createTranslator('ar').t('inbox.unread', { n: 12 })).toBe('١٢ غير مقروءة');
  });

  it('says which way the text runs', () => {
    expect(createTranslator('en').dir).toBe('ltr');
    expect(createTranslator('ar').dir).toBe('rtl');
    expect(createTranslator('fa').dir).toBe('rtl');
  });

  it('formats durations in each language', () => {
    expect(createTranslator('en').duration(192_000)).toBe('3m 12s');
    expect(createTranslator('fa').duration(192_000)).toBe('۳ دقیقه و ۱۲ ثانیه');
    expect(createTranslator('ar').duration(45_000)).toBe('٤٥ ث');
  });

  it('formats times in Persian digits for fa', () => {
    expect(createTranslator('fa').time(Date.UTC(2024, 0, 1, 9, 5))).toMatch(/^[۰-۹:\s\u200e\u200fقبظهرازبعد.]+$/u);
  });
});

describe('title badge', () => {
  const format = (n: number, title: string) => createTranslator('en').t('app.titleBadge', { n, title });

  it('shows a count only when something needs attention', () => {
    expect(titleWithBadge('Cascade console', 2, format)).toBe('(2) Cascade console');
    expect(titleWithBadge('Cascade console', 0, format)).toBe('Cascade console');
  });
});

describe('localizeDigits', () => {
  it('maps every digit', () => {
    expect(localizeDigits('0123456789', 'arabext')).toBe('۰۱۲۳۴۵۶۷۸۹');
    expect(localizeDigits('0123456789', 'arab')).toBe('٠١٢٣٤٥٦٧٨٩');
    expect(localizeDigits('#12', 'latn')).toBe('#12');
  });
});

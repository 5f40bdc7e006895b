import type { Locale } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { etaMinutes, fill, formatNumber, formatTime } from '../src/i18n/format.ts';
import { asLocale, isRtl, pickLocale } from '../src/i18n/pick.ts';
import { translator, translatorFor } from '../src/i18n/t.ts';
import { catalogue as ar } from '../src/locales/ar.ts';
import { catalogue as en } from '../src/locales/en.ts';
import { endStrings } from '../src/locales/end.ts';
import { catalogue as fa } from '../src/locales/fa.ts';
import { files as filesAr } from '../src/locales/files/ar.ts';
import { files as filesEn } from '../src/locales/files/en.ts';
import { files as filesFa } from '../src/locales/files/fa.ts';
import { offerStrings } from '../src/locales/offer.ts';
import { preChatStrings } from '../src/locales/pre-chat.ts';
import { earlierStrings } from '../src/panel/earlier/strings.ts';

const site = { defaultLocale: 'ar' as const, locales: ['ar' as const, 'en' as const] };

describe('choosing the language', () => {
  it('reads language tags Cascade ships, in any region or case', () => {
    expect(asLocale('ar-EG')).toBe('ar');
    expect(asLocale('FA_ir')).toBe('fa');
    expect(asLocale('en')).toBe('en');
    expect(asLocale('de-DE')).toBeNull();
    expect(asLocale('fat')).toBeNull();
    expect(asLocale(undefined)).toBeNull();
    expect(asLocale(42)).toBeNull();
  });

  it('prefers the explicit choice (script tag or setLocale) over everything', () => {
    expect(pickLocale('fa', site, ['en-US'])).toBe('fa');
  });

  it('takes the first browser language the site offers', () => {
    expect(pickLocale(null, site, ['fa-IR', 'en-GB', 'ar'])).toBe('en');
  });

  it("falls back to the site's default, then to English", () => {
    expect(pickLocale(null, site, ['de', 'fa'])).toBe('ar');
    expect(pickLocale(null, null, ['de'])).toBe('en');
  });

  it('uses the browser alone while the site settings are unknown', () => {
    expect(pickLocale(null, null, ['fa'])).toBe('fa');
  });

  it('lays out Arabic and Persian right to left', () => {
    expect(isRtl('ar')).toBe(true);
    expect(isRtl('fa')).toBe(true);
    expect(isRtl('en')).toBe(false);
  });
});

describe('formatting', () => {
  it('writes Persian numbers with Persian digits', () => {
    expect(formatNumber('fa', 1234567890)).toMatch(/^[۰-۹٬]+$/);
    expect(formatNumber('fa', 12)).toBe('۱۲');
    expect(formatNumber('en', 12)).toBe('12');
  });

  it("writes a message's time in the visitor's language and digits", () => {
    const ts = Date.UTC(2024, 0, 1, 22, 13);
    expect(formatTime('en', ts, 'UTC')).toBe('10:13 PM');
    expect(formatTime('fa', ts, 'UTC')).toBe('۲۲:۱۳');
    expect(formatTime('ar', ts, 'UTC')).toMatch(/م/);
  });

  it('fills parameters: numbers in local digits, names isolated from the sentence direction', () => {
    expect(fill('fa', 'نوبت {n}', { n: 3 })).toBe('نوبت ۳');
    expect(fill('ar', 'انضم {name}', { name: 'Sara' })).toBe('انضم \u2068Sara\u2069');
    expect(fill('en', '{name} joined', { name: 'سارة' })).toBe('\u2068سارة\u2069 joined');
    expect(fill('en', '{name} joined', { name: 'Sara' })).toBe('Sara joined');
    expect(fill('en', 'left {missing}', {})).toBe('left {missing}');
  });

  it('rounds a wait to whole minutes, or says under a minute', () => {
    expect(etaMinutes(0)).toBeNull();
    expect(etaMinutes(59)).toBeNull();
    expect(etaMinutes(60)).toBe(1);
    expect(etaMinutes(150)).toBe(3);
  });

  it('translates through the catalogue of the chosen language', () => {
    expect(translator('en', en)('queue.position', { n: 2 })).toBe('You are number 2 in line.');
    expect(translator('fa', fa)('queue.position', { n: 2 })).toContain('۲');
  });

  it("translates a lazy chunk's strings the same way", () => {
    expect(translatorFor(endStrings, 'en')('ticket.created', { n: 12 })).toBe(
      'Ticket #12 created. We will reply by email.',
    );
    expect(translatorFor(endStrings, 'fa')('ticket.created', { n: 12 })).toContain('۱۲');
  });
});

/** A lazy chunk's strings, all languages in one record, as the catalogue tests take them. */
const chunk = (name: string, strings: Record<Locale, Record<string, string>>) =>
  [name, strings.en, strings.ar, strings.fa] as const;

describe.each([
  ['the panel', en, ar, fa],
  ['the attachment chunk', filesEn, filesAr, filesFa],
  chunk('the pre-chat form', preChatStrings),
  chunk('the email forms (ticket offer, contact for a ticket)', offerStrings),
  chunk('the end-of-chat card', endStrings),
  chunk('the earlier-conversations view', earlierStrings),
] as [string, Record<string, string>, Record<string, string>, Record<string, string>][])(
  'catalogues of %s',
  (_, en, ar, fa) => {
    const keys = Object.keys(en).sort();

    it('have every English string in Arabic and Persian, and nothing else', () => {
      expect(Object.keys(ar).sort()).toEqual(keys);
      expect(Object.keys(fa).sort()).toEqual(keys);
    });

    it('keep the same parameters in every language', () => {
      const params = (s: string | undefined) => (s?.match(/\{\w+\}/g) ?? []).sort();
      for (const key of keys) {
        expect(params(ar[key]), `ar ${key}`).toEqual(params(en[key]));
        expect(params(fa[key]), `fa ${key}`).toEqual(params(en[key]));
      }
    });

    it('write no Latin digits in Arabic or Persian text', () => {
      for (const s of [...Object.values(ar), ...Object.values(fa)]) expect(s).not.toMatch(/[0-9]/);
    });
  },
);

it("keeps a lazy chunk's strings out of the panel's catalogue, so none is downloaded twice", () => {
  const panel = Object.keys(en);
  for (const strings of [filesEn, offerStrings.en, endStrings.en]) {
    expect(Object.keys(strings).filter((key) => panel.includes(key))).toEqual([]);
  }
});

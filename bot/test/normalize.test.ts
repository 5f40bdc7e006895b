import { describe, expect, it } from 'vitest';
import {
  asciiDigits,
  compatibilityFold,
  foldArabicLetters,
  foldCase,
  normalize,
  removeArabicMarks,
  removeInvisibles,
  stripPunctuation,
} from '../src/normalize.ts';

type Table = readonly (readonly [input: string, expected: string])[];

function table(name: string, rule: (s: string) => string, rows: Table): void {
  describe(name, () => {
    it.each(rows)('%j -> %j', (input, expected) => {
      expect(rule(input)).toBe(expected);
    });
  });
}

table('compatibility forms (NFKC)', compatibilityFold, [
  ['ﬁle', 'file'],
  ['ＡＢＣ１２３', 'ABC123'],
  ['ﻻ', 'لا'],
  ['ﺳﻼﻡ', 'سلام'],
]);

table('invisible characters and the zero-width non-joiner', removeInvisibles, [
  ['می\u200cخواهم', 'میخواهم'],
  ['a\u200db', 'ab'],
  ['\u200fسلام\u200e', 'سلام'],
  ['one\u200btwo', 'one two'],
  ['co\u00adoperate', 'cooperate'],
]);

table('Arabic diacritics and tatweel', removeArabicMarks, [
  ['مُحَمَّد', 'محمد'],
  ['كِتَابٌ', 'كتاب'],
  ['شكــــرا', 'شكرا'],
  ['رَحْمَٰن', 'رحمن'],
]);

table('Arabic and Persian letter forms', foldArabicLetters, [
  ['علي', 'علی'],
  ['على', 'علی'],
  ['كتاب', 'کتاب'],
  ['أحمد', 'احمد'],
  ['إسلام', 'اسلام'],
  ['آب', 'اب'],
  ['مدرسة', 'مدرسه'],
  ['مؤسسة', 'موسسه'],
  ['مسئول', 'مسیول'],
]);

table('Arabic-Indic and Persian digits', asciiDigits, [
  ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
  ['۰۱۲۳۴۵۶۷۸۹', '0123456789'],
  ['سفارش ۱۲۳', 'سفارش 123'],
]);

table('case folding and Latin accents', foldCase, [
  ['Hello WORLD', 'hello world'],
  ['Café Crème', 'cafe creme'],
  ['İstanbul', 'istanbul'],
  ['ΑΘΗΝΑ', 'αθηνα'],
]);

table('punctuation', stripPunctuation, [
  ["what's up?", 'whats up'],
  ['hi, where is my order!!', 'hi where is my order'],
  ['سلام، خوبی؟', 'سلام خوبی'],
  ['price: $5 (approx.)', 'price 5 approx'],
  ['  many   spaces  ', 'many spaces'],
]);

describe('normalize', () => {
  it('gives one form for the ways people type the same Persian question', () => {
    const forms = [
      'مي‌خواهم سفارش ۱۲ را پيگيري كنم',
      'میخواهم سفارش 12 را پیگیری کنم؟',
      'مِی‌خواهم سفارشِ ١٢ را پیگیری کنم',
    ];
    expect(new Set(forms.map(normalize)).size).toBe(1);
  });

  it('gives one form for Arabic with and without hamza, diacritics and teh marbuta', () => {
    expect(normalize('أُريدُ إلغاءَ الطلبيّة')).toBe(normalize('اريد الغاء الطلبيه'));
  });
});

describe('normalize on ASCII text', () => {
  it('gives what every step would, for every ASCII character', () => {
    const steps = (text: string) =>
      stripPunctuation(
        foldCase(asciiDigits(foldArabicLetters(removeArabicMarks(removeInvisibles(compatibilityFold(text)))))),
      );
    const every = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join('');
    for (const text of [every, `  Where's MY order?! ${every} it's 50% off\t\n`, "What's up`", '', ' ']) {
      expect(normalize(text)).toBe(steps(text));
    }
    for (let c = 0; c < 128; c++)
      expect(normalize(`a${String.fromCharCode(c)}B`)).toBe(steps(`a${String.fromCharCode(c)}B`));
  });
});

import type { KbEntry } from '@cascade/shared';
import { expect, it } from 'vitest';
import { parseCsvRows } from '@cascade/shared/csv';
import { fromCsv, toCsv } from '../src/kb/csv.ts';

const entries: KbEntry[] = [
  {
    id: 'returns-window',
    skill: 'returns',
    related: ['refund-time'],
    updatedAt: 5,
    content: {
      en: {
        question: 'How long do I have to return?',
        phrasings: ['return window', 'can I send it back, "late"?'],
        answer: 'Thirty days, see https://shop.example/returns.',
      },
      fa: { question: 'چقدر برای مرجوعی وقت دارم؟', phrasings: ['مهلت مرجوعی'], answer: 'سی روز.' },
    },
  },
  {
    id: 'refund-time',
    skill: 'billing',
    related: [],
    updatedAt: 5,
    content: { ar: { question: 'متى يصل المبلغ المسترد؟', phrasings: [], answer: 'خلال ٣ أيام، عادةً.' } },
  },
];

it('round-trips entries through CSV, quotes, commas, new lines and scripts included', () => {
  expect(fromCsv(toCsv(entries), 5)).toEqual(entries);
});

it('parses RFC 4180 quoting', () => {
  expect(parseCsvRows('a,"b ""c""","d\ne"\r\n1,2,3\n')).toEqual([
    ['a', 'b "c"', 'd\ne'],
    ['1', '2', '3'],
  ]);
});

it('says which row is wrong', () => {
  expect(() => fromCsv('id,skill,language,question,phrasings,answer,related\nx,general,en,,,answer,\n', 0)).toThrow(
    /x/,
  );
  expect(() => fromCsv('name,answer\n', 0)).toThrow(/first row/);
  expect(() => fromCsv('id,skill,language,question,phrasings,answer,related\n"open', 0)).toThrow(/not closed/);
});

it('exports formula-like cells as text, and imports them back unchanged', () => {
  const risky: KbEntry = {
    id: 'formulas',
    skill: 'general',
    related: [],
    updatedAt: 5,
    content: {
      en: {
        question: '=HYPERLINK("https://evil.example","Click")',
        phrasings: ['+1 555 0100', "'=already quoted"],
        answer: '@SUM(A1:A2) or -2',
      },
    },
  };
  const csv = toCsv([risky]);
  const [, row] = parseCsvRows(csv);
  expect(row?.slice(3, 6)).toEqual([
    '\'=HYPERLINK("https://evil.example","Click")',
    "'+1 555 0100\n'=already quoted",
    "'@SUM(A1:A2) or -2",
  ]);
  expect(fromCsv(csv, 5)).toEqual([risky]);
});

it('keeps an entry’s tags, and imports files written before entries had tags', () => {
  const tagged: KbEntry[] = [{ ...entries[0]!, tags: ['returns', 'مرجوعی'] }, entries[1]!];
  const csv = toCsv(tagged);
  expect(parseCsvRows(csv)[0]).toEqual([
    'id',
    'skill',
    'language',
    'question',
    'phrasings',
    'answer',
    'related',
    'tags',
  ]);
  expect(fromCsv(csv, 5)).toEqual(tagged);
  const older = 'id,skill,language,question,phrasings,answer,related\r\nx,general,en,Hours?,,Nine to five.,\r\n';
  expect(fromCsv(older, 5)).toEqual([
    {
      id: 'x',
      skill: 'general',
      related: [],
      updatedAt: 5,
      content: { en: { question: 'Hours?', phrasings: [], answer: 'Nine to five.' } },
    },
  ]);
  expect(() => fromCsv('id,skill,language,question,phrasings,answer,related,labels\r\n', 5)).toThrow(/first row/);
  expect(() => fromCsv(`${parseCsvRows(csv)[0]!.join(',')}\r\nx,general,en,Q,,A,,two!\r\n`, 5)).toThrow(/tags/);
});

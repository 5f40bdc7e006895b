import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize.ts';
import { termDictionary } from '../src/term-ids.ts';
import { terms } from '../src/tokens.ts';
import { shopKb } from './support/multilingual-kb.ts';

const texts = [
  ...shopKb.flatMap((entry) => Object.values(entry.content).flatMap((c) => [c.question, ...c.phrasings, c.answer])),
  'وش السالفة ابغى اكلم موظف',
  'میخوام سفارشم رو پیگیری کنم، کتاب‌ها کی می‌رسند؟',
  'a',
  '',
  'Where is my order? where IS my order!',
].map(normalize);

describe('term dictionary', () => {
  it('gives a text the same ids from its characters as from its list of terms', () => {
    const fromTerms = termDictionary();
    const fromText = termDictionary();
    for (const text of texts) expect(fromText.addText(text)).toEqual(fromTerms.add(terms(text)));
    expect(fromText.terms).toEqual(fromTerms.terms);
  });

  it('numbers terms as first seen and keeps repeats', () => {
    const dictionary = termDictionary();
    const first = dictionary.add(['wa', 'wb', 'wa']);
    expect(Array.from(first)).toEqual([0, 1, 0]);
    expect(Array.from(dictionary.addText('b a'))).toEqual([1, 2, 3, 4, 5, 0, 6, 7, 8]);
    expect(dictionary.terms.slice(0, 3)).toEqual(['wa', 'wb', 'bb a']);
  });

  it('keeps finding every term after its table has grown', () => {
    const dictionary = termDictionary();
    const many = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const ids = dictionary.add(many);
    expect(Array.from(dictionary.add(many))).toEqual(Array.from(ids));
    expect(new Set(ids).size).toBe(5000);
  });
});

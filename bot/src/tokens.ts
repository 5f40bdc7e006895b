/**
 * Terms of a normalised text: its words, pairs of neighbouring words, and character
 * n-grams (2 to 4 letters) inside each word. Words carry meaning, pairs carry what words
 * mean together ("credit card", "my name" vs "your name"), and n-grams let a typo ("recieve") or an
 * Arabic/Persian prefix or suffix (الحساب, حسابم) still share most of its evidence with
 * the plain word.
 */

import { standardForms } from './dialects.ts';

/** 2-4 scored as well as 2-5 on CLINC150 validation, with a quarter fewer features per phrasing to train. */
export const CHAR_NGRAM_MIN = 2;
export const CHAR_NGRAM_MAX = 4;

export function words(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(' ');
}

/** What a term is: `w` a word, `b` a pair of neighbouring words, `c` an n-gram of a word padded with < and >. */
const WORD = 0x77;
const PAIR = 0x62;
const NGRAM = 0x63;

/**
 * Receives each term as its kind and `text.slice(from, to)`, so that a caller that only needs
 * the term's id need not build its string (`term-ids.ts`).
 */
export type TermSink = (kind: number, text: string, from: number, to: number) => void;

/** The terms of `terms`, in the same order, handed to `sink` as slices. */
export function eachTerm(normalized: string, sink: TermSink): void {
  const ws = words(normalized);
  // Words are separated by one space, so a word and the pair it starts are slices of the text.
  let start = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as string;
    const end = start + w.length;
    sink(WORD, normalized, start, end);
    // Dialect and colloquial words also count as their standard forms (`dialects.ts`).
    for (const form of standardForms(w)) if (form !== w) sink(WORD, form, 0, form.length);
    if (i + 1 < ws.length) sink(PAIR, normalized, start, end + 1 + (ws[i + 1] as string).length);
    const padded = `<${w}>`;
    for (let n = CHAR_NGRAM_MIN; n <= CHAR_NGRAM_MAX; n++) {
      for (let s = 0; s + n <= padded.length; s++) sink(NGRAM, padded, s, s + n);
    }
    start = end + 1;
  }
}

/** The terms of a normalised text as strings: the kind's letter, then the term. */
export function terms(normalized: string): string[] {
  const out: string[] = [];
  eachTerm(normalized, (kind, text, from, to) => out.push(String.fromCharCode(kind) + text.slice(from, to)));
  return out;
}

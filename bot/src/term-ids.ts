import { eachTerm } from './tokens.ts';

/**
 * Documents as ids into one list of their distinct terms, numbered as first seen. A knowledge
 * base's phrasings are turned into ids once, as they are read: the feature spaces of the full
 * index and of the confidence fit's fold are then built from integers, and only the distinct
 * terms ever become strings (a phrasing has about a hundred terms, a knowledge base of 10,000
 * phrasings a few tens of thousands of distinct ones).
 */
export interface TermDocuments {
  /** Term id -> term. */
  readonly terms: readonly string[];
  /** Each document's terms as ids, in the document's order, repeats kept. */
  readonly docs: readonly Int32Array[];
}

/** A growing dictionary, numbering new terms as it meets them. */
export interface TermDictionary {
  readonly terms: readonly string[];
  /** A document's term ids, from its terms. */
  add(doc: readonly string[]): Int32Array;
  /** The same ids as `add(terms(normalized))`, without building a string for a term already known. */
  addText(normalized: string): Int32Array;
}

/** FNV-1a of the term's kind and characters, as a signed 32-bit integer. */
function hash(kind: number, text: string, from: number, to: number): number {
  let h = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function sameTerm(term: string, kind: number, text: string, from: number, to: number): boolean {
  if (term.length !== to - from + 1 || term.charCodeAt(0) !== kind) return false;
  for (let i = from; i < to; i++) if (term.charCodeAt(i - from + 1) !== text.charCodeAt(i)) return false;
  return true;
}

export function termDictionary(): TermDictionary {
  const terms: string[] = [];
  let hashes = new Int32Array(1024);
  // Open addressing, at most half full: term id, or -1.
  let slots = new Int32Array(2048).fill(-1);
  let doc = new Int32Array(256);
  let length = 0;

  const grow = () => {
    slots = new Int32Array(slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < terms.length; id++) {
      let s = (hashes[id] as number) & mask;
      while (slots[s] !== -1) s = (s + 1) & mask;
      slots[s] = id;
    }
  };
  const intern = (kind: number, text: string, from: number, to: number) => {
    const h = hash(kind, text, from, to);
    const mask = slots.length - 1;
    let s = h & mask;
    for (let id = slots[s] as number; id !== -1; id = slots[s] as number) {
      if (hashes[id] === h && sameTerm(terms[id] as string, kind, text, from, to)) return id;
      s = (s + 1) & mask;
    }
    const id = terms.length;
    terms.push(String.fromCharCode(kind) + text.slice(from, to));
    if (id === hashes.length) {
      const more = new Int32Array(2 * id);
      more.set(hashes);
      hashes = more;
    }
    hashes[id] = h;
    slots[s] = id;
    if (2 * terms.length > slots.length) grow();
    return id;
  };
  const push = (kind: number, text: string, from: number, to: number) => {
    if (length === doc.length) {
      const more = new Int32Array(2 * length);
      more.set(doc);
      doc = more;
    }
    doc[length++] = intern(kind, text, from, to);
  };

  return {
    terms,
    add(terms) {
      length = 0;
      for (const term of terms) push(term.charCodeAt(0), term, 1, term.length);
      return doc.slice(0, length);
    },
    addText(normalized) {
      length = 0;
      eachTerm(normalized, push);
      return doc.slice(0, length);
    },
  };
}

export function termDocuments(documents: readonly (readonly string[])[]): TermDocuments {
  const dictionary = termDictionary();
  const docs = documents.map((doc) => dictionary.add(doc));
  return { terms: dictionary.terms, docs };
}

/**
 * Term -> feature id as flat arrays: the terms laid end to end in one string, and an
 * open-addressing table of ids keyed by an FNV-1a hash of the term. A built vocabulary
 * crosses threads as one string and two buffers and is usable as it arrives; a `Map` of a
 * hundred thousand terms would have to be rebuilt key by key, which takes longer than the
 * event loop of a chat server may be held.
 */
export interface Vocabulary {
  /** Every term, in id order, end to end. */
  readonly text: string;
  /** Term `id` is `text.slice(starts[id], starts[id + 1])`. */
  readonly starts: Int32Array;
  /** Power-of-two table: feature id, or -1 for an empty slot. */
  readonly slots: Int32Array;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Terms in id order (no duplicates). */
export function buildVocabulary(terms: readonly string[]): Vocabulary {
  const starts = new Int32Array(terms.length + 1);
  for (let id = 0; id < terms.length; id++) starts[id + 1] = (starts[id] as number) + (terms[id] as string).length;
  // At most half full, so that probes stay short.
  let size = 2;
  while (size < terms.length * 2) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  terms.forEach((term, id) => {
    let s = hash(term) & mask;
    while (slots[s] !== -1) s = (s + 1) & mask;
    slots[s] = id;
  });
  return { text: terms.join(''), starts, slots };
}

function sameTerm(v: Vocabulary, id: number, term: string): boolean {
  const start = v.starts[id] as number;
  if ((v.starts[id + 1] as number) - start !== term.length) return false;
  for (let i = 0; i < term.length; i++) if (v.text.charCodeAt(start + i) !== term.charCodeAt(i)) return false;
  return true;
}

/** The term's feature id, or -1. */
export function lookup(v: Vocabulary, term: string): number {
  const mask = v.slots.length - 1;
  for (let s = hash(term) & mask; ; s = (s + 1) & mask) {
    const id = v.slots[s] as number;
    if (id === -1 || sameTerm(v, id, term)) return id;
  }
}

import { KB_LIMITS } from '@cascade/shared';

/** A small deterministic PRNG (mulberry32): the same knowledge base on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The largest knowledge base `KB_LIMITS` allows, made to cost the most to index: the most
 * entries, the most characters of questions and phrasings, in random words (nearly every word,
 * word pair and n-gram new, so the most features), and answers that fill the import to its
 * byte limit. `scale` shrinks it all (the tests' quick variant).
 */
export function largestKnowledgeBase(scale = 1) {
  const next = random(12);
  const text = (chars: number) => {
    let s = '';
    while (s.length < chars) {
      const len = 3 + Math.floor(next() * 7);
      for (let i = 0; i < len; i++) s += String.fromCharCode(97 + Math.floor(next() * 26));
      s += ' ';
    }
    return s.slice(0, chars).trim();
  };
  const entries = Math.floor(KB_LIMITS.entries * scale);
  // A little under each limit: trimmed words make texts a character or two short.
  const perEntry = Math.floor((KB_LIMITS.trainingChars * scale) / entries) - 4;
  const phrasings = Math.ceil(perEntry / 300);
  const answerChars = Math.min(4000, Math.floor((KB_LIMITS.importBytes * scale * 0.98) / entries) - perEntry - 200);
  return Array.from({ length: entries }, (_, i) => ({
    id: `big${i}`,
    skill: 'general',
    related: [],
    content: {
      en: {
        question: text(60),
        phrasings: Array.from({ length: phrasings }, () => text(Math.floor((perEntry - 60) / phrasings))),
        answer: text(answerChars),
      },
    },
  }));
}

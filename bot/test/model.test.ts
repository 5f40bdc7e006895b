import type { KbEntry } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { botFromModel, createBot, modelBuffers, trainBot } from '../src/index.ts';
import { MAX_WEIGHTS, indexFromState } from '../src/kb-index.ts';
import { buildFeatureSpace, keepMostFrequent } from '../src/features.ts';
import { normalize } from '../src/normalize.ts';
import { seededRandom } from '../src/random.ts';
import { terms } from '../src/tokens.ts';
import { shopKb } from './support/multilingual-kb.ts';

const questions = [
  'where is my order',
  'wo ist meine bestellung',
  'forgot my password',
  'متى يصل طلبي',
  'وضعیت سفارش من چیست',
  'hello',
  'what is the capital of France',
];

/** Entries of random words: nearly every word and n-gram is new, the most features text can make. */
function randomKb(entries: number, phrasings: number): KbEntry[] {
  const random = seededRandom(3);
  const word = () =>
    Array.from({ length: 4 + Math.floor(random() * 6) }, () =>
      String.fromCharCode(97 + Math.floor(random() * 26)),
    ).join('');
  const text = () => Array.from({ length: 12 }, word).join(' ');
  return Array.from({ length: entries }, (_, i) => ({
    id: `e${i}`,
    skill: 'general',
    related: [],
    updatedAt: 0,
    content: { en: { question: text(), phrasings: Array.from({ length: phrasings }, text), answer: `answer ${i}` } },
  }));
}

describe('a bot model built apart from the bot', () => {
  it('decides exactly as a bot built in one go, after crossing a thread boundary', () => {
    const model = structuredClone(trainBot(shopKb), { transfer: modelBuffers(trainBot(shopKb)) });
    const direct = createBot(shopKb);
    const rebuilt = botFromModel(shopKb, model);
    for (const q of questions) expect(rebuilt.decide(q), q).toEqual(direct.decide(q));
    expect(rebuilt.answer('order-status', 'fa')).toEqual(direct.answer('order-status', 'fa'));
  });

  it('keeps the sparse rows it scores with when the model crosses a thread boundary', () => {
    const kb = randomKb(300, 3);
    const trained = trainBot(kb);
    const offsets = Array.from(trained.rows?.offsets ?? []);
    expect(offsets.length).toBeGreaterThan(0);
    const model = structuredClone(trained, { transfer: modelBuffers(trained) });
    expect(Array.from(indexFromState(kb, model).model.rows?.offsets ?? [])).toEqual(offsets);
    const direct = createBot(kb);
    const rebuilt = botFromModel(kb, model);
    for (const e of kb.slice(0, 20)) {
      const q = e.content.en!.phrasings[0]!;
      expect(rebuilt.decide(q), q).toEqual(direct.decide(q));
    }
  });

  it('refuses a model of other entries', () => {
    expect(() => botFromModel(shopKb.slice(1), trainBot(shopKb))).toThrow(/other entries/);
  });

  it('keeps the most frequent terms when text has more than the features allowed', () => {
    const kb = randomKb(20, 5);
    const docs = kb
      .flatMap((e) => [e.content.en!.question, ...e.content.en!.phrasings])
      .map((t) => terms(normalize(t)));
    const whole = buildFeatureSpace(docs);
    const { space, vectors } = buildFeatureSpace(docs, undefined, 1000);
    expect(whole.space.size).toBeGreaterThan(1000);
    expect(space.size).toBe(1000);
    for (const v of vectors) for (const id of v.indices) expect(id).toBeLessThan(1000);
    // Function words are in every imagined background document: they are the last to go.
    expect(space.vector(terms('the')).indices.length).toBeGreaterThan(0);
  });

  it('keeps the same terms as an ordering by mark, frequency and id, ties included', () => {
    const random = seededRandom(3);
    const n = 5000;
    const frequency = Float64Array.from({ length: n }, () => 1 + Math.floor(40 * random() ** 3));
    const last = Uint8Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
    const order = Array.from({ length: n }, (_, id) => id).sort(
      (a, b) => last[a]! - last[b]! || frequency[b]! - frequency[a]! || a - b,
    );
    for (const max of [1, 700, 3499, n - 1]) {
      const chosen = new Set(order.slice(0, max));
      let next = 0;
      const expected = Array.from({ length: n }, (_, id) => (chosen.has(id) ? next++ : -1));
      expect(Array.from(keepMostFrequent(frequency, max, last))).toEqual(expected);
    }
  });

  it('drops the longest n-grams first when the features are capped, then the rarest terms', () => {
    const frequency = Float64Array.from([5, 9, 1, 7, 3]);
    const last = Uint8Array.from([0, 1, 0, 0, 1]);
    // The unmarked terms by frequency (3, 0, 2), then the marked (1, 4); kept ones renumbered in order.
    expect(Array.from(keepMostFrequent(frequency, 2, last))).toEqual([0, -1, -1, 1, -1]);
    expect(Array.from(keepMostFrequent(frequency, 4, last))).toEqual([0, 1, 2, 3, -1]);
    expect(Array.from(keepMostFrequent(frequency, 2, new Uint8Array(5)))).toEqual([-1, 0, -1, 1, -1]);
    const docs = ['gift card balance', 'gift wrapping', 'card limit'].map((t) => terms(normalize(t)));
    const longest = buildFeatureSpace(docs).space.size - buildFeatureSpace(docs, undefined, 30).space.size;
    expect(longest).toBeGreaterThan(0);
    const { space } = buildFeatureSpace(docs, undefined, 30);
    expect(space.id('c<gif')).toBeUndefined();
    expect(space.id('wgift')).toBeDefined();
    expect(space.id('c<gi')).toBeDefined();
  });

  it('caps features so that features x entries stays within the weights bound', () => {
    const model = trainBot(randomKb(120, 3));
    expect(model.weights.length).toBeLessThanOrEqual(MAX_WEIGHTS);
    expect(model.space.idf.length).toBeLessThanOrEqual(MAX_WEIGHTS / 120);
  });
});

import type { KbEntry } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { botFromModel, createBot, modelBuffers, trainBot } from '../src/index.ts';
import { MAX_WEIGHTS } from '../src/kb-index.ts';
import { seededRandom } from '../src/random.ts';
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

  it('refuses a model of other entries', () => {
    expect(() => botFromModel(shopKb.slice(1), trainBot(shopKb))).toThrow(/other entries/);
  });

  it('keeps the classifier’s weights within their bound however much distinct text there is', () => {
    const kb = randomKb(400, 20);
    const model = trainBot(kb);
    expect(model.weights.length).toBeLessThanOrEqual(MAX_WEIGHTS);
    const bot = botFromModel(kb, model);
    const phrasing = kb[7]!.content.en!.phrasings[3]!;
    expect(bot.decide(phrasing)).toMatchObject({ kind: 'answer', entryId: 'e7' });
  });
});

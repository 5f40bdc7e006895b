import type { KbEntry } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../src/decide.ts';
import { knowledgeBase, parseDataset } from '../src/eval/dataset.ts';
import { classAccuracy, percentile, tally, wrongAnswerRate, type Scored } from '../src/eval/metrics.ts';
import { chooseThresholds } from '../src/eval/thresholds.ts';

const entry = (id: string): KbEntry => ({
  id,
  skill: 'general',
  content: { en: { question: id, phrasings: [], answer: id } },
  related: [],
  updatedAt: 0,
});

const scored = (expected: string | null, best: string, confidence: number): Scored => {
  const assessment: Assessment = {
    language: 'en',
    humanRequested: false,
    smalltalk: null,
    candidates: [{ entry: entry(best), score: confidence, confidence }],
    skill: 'general',
  };
  return { expected, assessment };
};

describe('eval metrics', () => {
  const items = [
    scored('a', 'a', 0.9),
    scored('b', 'a', 0.6),
    scored('c', 'c', 0.3),
    scored(null, 'a', 0.7),
    scored(null, 'b', 0.1),
  ];

  it('counts answers, suggestions and escalations', () => {
    const t = tally(items, { answer: 0.5, suggest: 0.2 });
    expect(t).toMatchObject({ inScope: 3, outOfScope: 2, answeredRight: 1, answeredWrong: 1, outOfScopeAnswered: 1 });
    expect(t).toMatchObject({ inScopeSuggested: 1, suggestedRight: 1, outOfScopeEscalated: 1, inScopeEscalated: 0 });
    expect(wrongAnswerRate(t)).toBeCloseTo(2 / 3);
    expect(classAccuracy(t)).toBeCloseTo(2 / 5);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 99)).toBe(5);
    expect(percentile([], 50)).toBe(0);
  });

  it('puts the escalate threshold between in-scope and out-of-scope confidences', () => {
    const validation = [
      ...Array.from({ length: 20 }, (_, i) => scored('a', 'a', 0.6 + i / 100)),
      ...Array.from({ length: 20 }, (_, i) => scored(null, 'a', 0.1 + i / 100)),
    ];
    const { suggest, answer } = chooseThresholds(validation);
    expect(suggest).toBeGreaterThan(0.29);
    expect(suggest).toBeLessThanOrEqual(0.6);
    expect(answer).toBeGreaterThanOrEqual(suggest);
  });
});

describe('CLINC150-format data', () => {
  it('builds one entry per label and accepts files without out-of-scope splits', () => {
    const data = parseDataset({
      train: [
        ['hi there', 'greet'],
        ['hello', 'greet'],
        ['bye now', 'bye.x'],
      ],
      test: [['hey', 'greet']],
    });
    expect(data.oos_test).toEqual([]);
    const { entries, labelOf } = knowledgeBase(data.train);
    expect(entries.map((e) => e.id)).toEqual(['greet', 'bye_x']);
    expect(entries[0]?.content.en).toMatchObject({ question: 'hi there', phrasings: ['hello'] });
    expect(labelOf.get('bye_x')).toBe('bye.x');
  });

  it('names what is wrong with a bad file', () => {
    expect(() => parseDataset({ train: [['text only']] })).toThrow(/"train"\[0\]/);
    expect(() => parseDataset({ val: [] })).toThrow(/train/);
  });
});

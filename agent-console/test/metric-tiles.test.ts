import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/i18n/translator.ts';
import { metricTiles, percent, secondsFigure } from '../src/logic/metric-tiles.ts';
import { metricsSummary as summary } from './fixtures.ts';

describe('metricTiles', () => {
  it('lists the figures a supervisor reads, in order, from the summary', () => {
    const tiles = metricTiles(summary());
    expect(tiles.map((t) => t.id)).toEqual([
      'conversations',
      'resolvedByBot',
      'firstContactResolution',
      'escalations',
      'transfers',
      'tickets',
      'abandoned',
      'wait',
      'firstResponse',
      'handle',
      'csat',
    ]);
    const byId = Object.fromEntries(tiles.map((t) => [t.id, t]));
    expect(byId.conversations?.value).toEqual({ kind: 'count', n: 8 });
    expect(byId.resolvedByBot?.note).toEqual({ kind: 'share', rate: 3 / 8 });
    expect(byId.escalations?.value).toEqual({ kind: 'count', n: 6 });
    expect(byId.escalations?.note).toEqual({ kind: 'levels', l1: 5, l2: 1, l3: 0 });
    expect(byId.wait?.value).toEqual({ kind: 'seconds', seconds: 12.4 });
    expect(byId.wait?.note).toEqual({ kind: 'p90', seconds: 95, count: 5 });
    expect(byId.csat?.value).toEqual({ kind: 'rate', rate: 2 / 3 });
    expect(byId.csat?.note).toEqual({ kind: 'ratings', satisfied: 2, ratings: 3 });
  });

  it('keeps "no data" apart from zero', () => {
    const tiles = metricTiles(
      summary({ conversations: 0, tickets: 0, csat: { ratings: 0, satisfied: 0, score: null } }),
    );
    const byId = Object.fromEntries(tiles.map((t) => [t.id, t]));
    expect(byId.tickets?.note).toEqual({ kind: 'share', rate: null });
    expect(byId.csat?.value).toEqual({ kind: 'rate', rate: null });
  });
});

describe('number formats', () => {
  it('rounds rates to a percentage with one decimal', () => {
    expect(percent(0.8567)).toBe(85.7);
    expect(percent(2 / 3)).toBe(66.7);
    expect(percent(1)).toBe(100);
    expect(percent(0)).toBe(0);
  });

  it('keeps tenths of a second under a minute and hands longer times to the duration format', () => {
    expect(secondsFigure(0.44)).toEqual({ kind: 'short', seconds: 0.4 });
    expect(secondsFigure(59.96)).toEqual({ kind: 'short', seconds: 60 });
    expect(secondsFigure(95)).toEqual({ kind: 'long', ms: 95_000 });
  });

  it('writes them in each language', () => {
    expect(createTranslator('en').percent(2 / 3)).toBe('66.7%');
    expect(createTranslator('fa').percent(2 / 3)).toBe('۶۶٫۷٪');
    expect(createTranslator('en').seconds(4.25)).toBe('4.3s');
    expect(createTranslator('en').seconds(95)).toBe('1m 35s');
    expect(createTranslator('fa').seconds(0.5)).toBe('۰٫۵ ثانیه');
  });
});

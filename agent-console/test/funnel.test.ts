import { describe, expect, it } from 'vitest';
import { funnelBars } from '../src/logic/funnel.ts';

describe('funnelBars', () => {
  it('runs bot, level 1, 2, 3, ticket with bar sizes against the widest and shares of all conversations', () => {
    expect(funnelBars({ bot: 8, level1: 4, level2: 2, level3: 0, ticket: 1 })).toEqual([
      { step: 'bot', count: 8, size: 1, share: 1 },
      { step: 'level1', count: 4, size: 0.5, share: 0.5 },
      { step: 'level2', count: 2, size: 0.25, share: 0.25 },
      { step: 'level3', count: 0, size: 0, share: 0 },
      { step: 'ticket', count: 1, size: 0.125, share: 0.125 },
    ]);
  });

  it('draws empty bars for an empty period', () => {
    const bars = funnelBars({ bot: 0, level1: 0, level2: 0, level3: 0, ticket: 0 });
    expect(bars.every((b) => b.size === 0 && b.share === null)).toBe(true);
  });
});

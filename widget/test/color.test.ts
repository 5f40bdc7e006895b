import { describe, expect, it } from 'vitest';
import { luminance, textOn } from '../src/color.ts';

const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('text on the site colour', () => {
  it('matches WCAG luminance at the ends', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1);
  });

  it('always picks whichever of white and ink contrasts more', () => {
    for (let i = 0; i < 4096; i += 7) {
      const hex = `#${[i >> 8, (i >> 4) & 15, i & 15].map((d) => d.toString(16).repeat(2)).join('')}`;
      const best = contrast(hex, '#ffffff') >= contrast(hex, '#111111') ? '#ffffff' : '#111111';
      const picked = textOn(hex);
      if (picked !== best) expect(Math.abs(contrast(hex, '#ffffff') - contrast(hex, '#111111'))).toBeLessThan(0.1);
    }
  });

  it('reaches AA contrast (4.5:1) on typical brand colours', () => {
    for (const hex of ['#1f5fbf', '#0b7a75', '#d1242f', '#ffd400', '#6f42c1', '#f5f5f5']) {
      expect(contrast(hex, textOn(hex)), hex).toBeGreaterThanOrEqual(4.5);
    }
  });
});

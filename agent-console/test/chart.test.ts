import { describe, expect, it } from 'vitest';
import {
  labelIndexes,
  linePath,
  niceCeiling,
  timeLabelAnchor,
  valueTicks,
  xAt,
  yAt,
  type ChartFrame,
} from '../src/logic/chart-geometry.ts';
import { seriesPoints, seriesStep } from '../src/logic/series.ts';

const frame: ChartFrame = { width: 120, height: 60, axis: 20, end: 0, top: 0, bottom: 10 };
const HOUR = 3_600_000;

describe('series', () => {
  const series = [
    { t: 0, conversations: 3, waitP50Seconds: 12 },
    { t: HOUR, conversations: 0, waitP50Seconds: null },
    { t: 2 * HOUR, conversations: 5, waitP50Seconds: 30 },
  ];

  it('takes volume or median wait, keeping the gaps where nobody waited', () => {
    expect(seriesPoints(series, 'conversations').map((p) => p.value)).toEqual([3, 0, 5]);
    expect(seriesPoints(series, 'wait').map((p) => p.value)).toEqual([12, null, 30]);
  });

  it('tells hours from days by the spacing of the buckets', () => {
    expect(seriesStep(series)).toBe('hour');
    expect(seriesStep([series[0]!, { ...series[1]!, t: 24 * HOUR }])).toBe('day');
    expect(seriesStep([series[0]!])).toBe('hour');
  });
});

describe('chart geometry', () => {
  it('rounds the top of the value axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.3, 1, 3, 7, 10, 11, 48, 120].map(niceCeiling)).toEqual([1, 0.5, 1, 5, 10, 10, 20, 50, 200]);
    expect(valueTicks(20)).toEqual([0, 10, 20]);
  });

  it('runs time left to right, or right to left for RTL, from the value axis', () => {
    expect([0, 1, 2].map((i) => xAt(i, 3, frame, false))).toEqual([20, 70, 120]);
    expect([0, 1, 2].map((i) => xAt(i, 3, frame, true))).toEqual([100, 50, 0]);
    expect(xAt(0, 1, frame, false)).toBe(70);
  });

  it('puts zero on the baseline and the top at the top', () => {
    expect(yAt(0, 10, frame)).toBe(50);
    expect(yAt(10, 10, frame)).toBe(0);
    expect(yAt(5, 10, frame)).toBe(25);
    expect(yAt(-1, 10, frame)).toBe(50);
  });

  it('breaks the line where a value is missing instead of dropping it to zero', () => {
    const points = [
      { t: 0, value: 10 },
      { t: 1, value: 5 },
      { t: 2, value: null },
      { t: 3, value: 0 },
      { t: 4, value: 10 },
    ];
    expect(linePath(points, 10, frame, false)).toBe('M20 0 L45 25 M95 50 L120 0');
    expect(linePath(points, 10, frame, true)).toBe('M100 0 L75 25 M25 50 L0 0');
    expect(linePath([{ t: 0, value: null }], 10, frame, false)).toBe('');
  });

  it('labels a few evenly spaced times, always the first and the last', () => {
    expect(labelIndexes(4, 6)).toEqual([0, 1, 2, 3]);
    expect(labelIndexes(24, 6)).toEqual([0, 5, 10, 15, 23]);
    expect(labelIndexes(30, 6)).toEqual([0, 6, 12, 18, 29]);
    expect(labelIndexes(0, 6)).toEqual([]);
  });

  it('pulls the end labels inside the chart in both directions', () => {
    expect([0, 1, 2].map((i) => timeLabelAnchor(i, 3, false))).toEqual(['start', 'middle', 'end']);
    expect([0, 1, 2].map((i) => timeLabelAnchor(i, 3, true))).toEqual(['end', 'middle', 'start']);
    expect(timeLabelAnchor(0, 1, false)).toBe('middle');
  });
});

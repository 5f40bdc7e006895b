import type { SeriesPoint } from './series.ts';

/** The drawing area of a chart in SVG user units; the margins hold the axis labels. */
export interface ChartFrame {
  width: number;
  height: number;
  /** Margin on the side of the value axis (left in LTR, right in RTL). */
  axis: number;
  /** Margin on the far side. */
  end: number;
  top: number;
  bottom: number;
}

/** The smallest 1, 2 or 5 times a power of ten at or above `max`, so axis labels are round. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max - 1e-9) return step * power;
  return 10 * power;
}

/** Value-axis ticks: zero, the middle and the top. */
export function valueTicks(top: number): number[] {
  return [0, top / 2, top];
}

/**
 * Where the i-th of n points sits across the chart. Time runs in the reading direction: left to
 * right in LTR, right to left in RTL, with the value axis on the starting side.
 */
export function xAt(i: number, n: number, frame: ChartFrame, rtl: boolean): number {
  const span = frame.width - frame.axis - frame.end;
  const offset = n <= 1 ? span / 2 : (i / (n - 1)) * span;
  return rtl ? frame.width - frame.axis - offset : frame.axis + offset;
}

export function yAt(value: number, top: number, frame: ChartFrame): number {
  const span = frame.height - frame.top - frame.bottom;
  return frame.top + span - (Math.min(Math.max(value, 0), top) / top) * span;
}

/** SVG path data for the line; a missing value breaks it rather than dropping it to zero. */
export function linePath(points: readonly SeriesPoint[], top: number, frame: ChartFrame, rtl: boolean): string {
  let path = '';
  let drawing = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      drawing = false;
      return;
    }
    const x = round(xAt(i, points.length, frame, rtl));
    const y = round(yAt(p.value, top, frame));
    path += `${path ? ' ' : ''}${drawing ? 'L' : 'M'}${x} ${y}`;
    drawing = true;
  });
  return path;
}

/** Which points get a time label: about `most` of them, evenly spaced, always the first and the last. */
export function labelIndexes(n: number, most: number): number[] {
  if (n <= 0) return [];
  if (n <= most) return Array.from({ length: n }, (_, i) => i);
  const every = Math.ceil((n - 1) / (most - 1));
  const picked: number[] = [];
  for (let i = 0; i < n - 1; i += every) picked.push(i);
  // The last label must not crowd the one before it.
  if (picked.length > 1 && n - 1 - (picked.at(-1) ?? 0) < every) picked.pop();
  picked.push(n - 1);
  return picked;
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * How a time label hangs off its point: the first and last are pulled inside the chart so
 * they are not cut at its edges, in whichever direction time runs.
 */
export function timeLabelAnchor(i: number, n: number, rtl: boolean): 'start' | 'middle' | 'end' {
  if (n <= 1 || (i > 0 && i < n - 1)) return 'middle';
  const first = i === 0;
  return first !== rtl ? 'start' : 'end';
}

export type DurationUnit = 'd' | 'h' | 'm' | 's';
export interface DurationPart {
  unit: DurationUnit;
  n: number;
}

const unitSeconds: ReadonlyArray<readonly [DurationUnit, number]> = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
];

/**
 * An elapsed time as its two largest units ("1h 5m", "3m 12s", "45s"): precise enough
 * for a wait time without the noise of seconds on an hour-long wait.
 */
export function durationParts(ms: number): DurationPart[] {
  let rest = Math.max(0, Math.floor(ms / 1000));
  const parts: DurationPart[] = [];
  for (const [unit, size] of unitSeconds) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length > 0) parts.push({ unit, n });
    if (parts.length === 2) break;
  }
  if (parts.length === 0) return [{ unit: 's', n: 0 }];
  // "2h 0m" reads worse than "2h".
  return parts.filter((p, i) => i === 0 || p.n > 0);
}

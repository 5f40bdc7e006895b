import type { Locale } from '@cascade/shared';
import { tags } from './format.ts';

const units = ['byte', 'kilobyte', 'megabyte'] as const;

/** A file's size in the visitor's language, digits and unit names: "980 byte", "12.3 kB", "۳٫۴ MB". */
export function formatSize(locale: Locale, bytes: number): string {
  let n = bytes;
  let unit = 0;
  for (; n >= 1000 && unit < units.length - 1; unit += 1) n /= 1000;
  return new Intl.NumberFormat(tags[locale], {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: n < 10 ? 1 : 0,
  }).format(n);
}

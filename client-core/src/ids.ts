/**
 * Orders Redis stream ids (`ms-seq`) numerically. Both parts may exceed 2^53, so they are compared
 * as digit strings: leading zeros are dropped, then a longer one is larger.
 */
export function compareIds(a: string, b: string): number {
  const [am = '', as = ''] = a.split('-');
  const [bm = '', bs = ''] = b.split('-');
  return compareDigits(am, bm) || compareDigits(as, bs);
}

function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

/** Keeps whichever of two messages is newer in the stream. */
export function newer<T extends { id: string }>(a: T | null, b: T | null): T | null {
  if (!a) return b;
  if (!b) return a;
  return compareIds(a.id, b.id) >= 0 ? a : b;
}

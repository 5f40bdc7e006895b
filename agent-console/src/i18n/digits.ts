const persianDigits = '۰۱۲۳۴۵۶۷۸۹';
/** The Persian (and Arabic-script) decimal separator. */
const persianDecimal = '٫';

/** Persian readers expect Persian digits; the other catalogues keep Western digits. */
export function localizeDigits(text: string, digits: 'latn' | 'persian'): string {
  if (digits === 'latn') return text;
  return text.replace(/[0-9]/g, (d) => persianDigits[Number(d)] ?? d);
}

/** A number in the catalogue's digits, with its decimal separator. */
export function localizeNumber(n: number, digits: 'latn' | 'persian'): string {
  const text = String(n);
  return digits === 'latn' ? text : localizeDigits(text.replace('.', persianDecimal), digits);
}

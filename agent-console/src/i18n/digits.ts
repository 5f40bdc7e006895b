/**
 * The digits each catalogue writes, chosen per locale: Latin for English, Arabic-Indic (٠–٩) for
 * Arabic as in the Gulf and Egypt (the default of CLDR `ar`), Persian (۰–۹) for Persian.
 * Named by their CLDR numbering systems, as Intl's `-u-nu-` takes them.
 */
export type Digits = 'latn' | 'arab' | 'arabext';

const glyphs: Record<Exclude<Digits, 'latn'>, string> = { arab: '٠١٢٣٤٥٦٧٨٩', arabext: '۰۱۲۳۴۵۶۷۸۹' };
/** The decimal separator of Arabic script, in Arabic and in Persian. */
const arabicDecimal = '٫';

export function localizeDigits(text: string, digits: Digits): string {
  if (digits === 'latn') return text;
  const set = glyphs[digits];
  return text.replace(/[0-9]/g, (d) => set[Number(d)] ?? d);
}

/** A number in the catalogue's digits, with its decimal separator. */
export function localizeNumber(n: number, digits: Digits): string {
  const text = String(n);
  return digits === 'latn' ? text : localizeDigits(text.replace('.', arabicDecimal), digits);
}

/**
 * Text normalisation shared by indexing and querying, so that the many ways people type
 * the same words (Arabic vs Persian keyboards, diacritics, digits, case) meet in one form.
 * Each rule is its own function so it can be tested on its own; `normalize` applies them in order.
 */

/** Compatibility forms (ligatures, presentation forms, full-width letters) to plain letters. */
export function compatibilityFold(text: string): string {
  return text.normalize('NFKC');
}

const ZERO_WIDTH_JOINERS = /[\u200c-\u200f\u2066-\u2069\u202a-\u202e\u00ad\ufeff]/g;
const ZERO_WIDTH_SPACE = /\u200b/g;

/**
 * The zero-width non-joiner is typed inside Persian words (می‌خواهم) and omitted by others
 * (میخواهم): dropping it joins the parts so both spellings become one word. Direction marks
 * and the soft hyphen are invisible too; a zero-width space separates words.
 */
export function removeInvisibles(text: string): string {
  return text.replace(ZERO_WIDTH_SPACE, ' ').replace(ZERO_WIDTH_JOINERS, '');
}

/** Harakat, shadda, sukun, superscript alef, Quranic marks, and the tatweel (kashida). */
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/g;

export function removeArabicMarks(text: string): string {
  return text.replace(ARABIC_MARKS, '');
}

/**
 * One form per letter whose spelling varies by keyboard or habit rather than meaning:
 * Arabic yeh, alef maksura and Persian yeh; Arabic kaf and keheh; alef with hamza or madda;
 * teh marbuta and heh (the ending is often typed either way); hamza carried on waw or yeh.
 */
const LETTER_FOLDS: ReadonlyMap<string, string> = new Map([
  ['\u064a', '\u06cc'], // ي Arabic yeh -> ی Persian yeh
  ['\u0649', '\u06cc'], // ى alef maksura -> ی
  ['\u0626', '\u06cc'], // ئ yeh with hamza -> ی
  ['\u0643', '\u06a9'], // ك Arabic kaf -> ک keheh
  ['\u0623', '\u0627'], // أ alef with hamza above -> ا
  ['\u0625', '\u0627'], // إ alef with hamza below -> ا
  ['\u0622', '\u0627'], // آ alef with madda -> ا
  ['\u0671', '\u0627'], // ٱ alef wasla -> ا
  ['\u0629', '\u0647'], // ة teh marbuta -> ه
  ['\u06c0', '\u0647'], // ۀ heh with yeh above -> ه
  ['\u06d5', '\u0647'], // ە ae -> ه
  ['\u0624', '\u0648'], // ؤ waw with hamza -> و
]);
const LETTER_FOLD_PATTERN = new RegExp(`[${[...LETTER_FOLDS.keys()].join('')}]`, 'g');

export function foldArabicLetters(text: string): string {
  return text.replace(LETTER_FOLD_PATTERN, (c) => LETTER_FOLDS.get(c) ?? c);
}

const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII, so "۳" matches "3". */
export function asciiDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (d) => String(d.charCodeAt(0) & 0xf));
}

const LATIN_DIACRITICS = /[\u0300-\u036f]/g;

/**
 * Lower case (locale-independent) and accents off Latin, Greek and Cyrillic letters ("Café" ->
 * "cafe"). Only the generic combining block is removed, so scripts whose vowels are marks keep them.
 */
export function foldCase(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(LATIN_DIACRITICS, '').normalize('NFC');
}

const APOSTROPHES = /['\u2019\u2018\u02bc`]/g;
const PUNCTUATION = /[\p{P}\p{S}\p{Z}\s]+/gu;

/**
 * Apostrophes vanish so "what's" and "whats" meet; every other punctuation mark or symbol
 * becomes a word break, including Arabic comma, semicolon and question mark.
 */
export function stripPunctuation(text: string): string {
  return text.replace(APOSTROPHES, '').replace(PUNCTUATION, ' ').trim();
}

const NOT_ASCII = /[^\0-\x7f]/;

export function normalize(text: string): string {
  // The steps before case and punctuation leave ASCII as it is (and so does the Unicode part of
  // folding case): most of a knowledge base in English skips three Unicode normalisations.
  if (!NOT_ASCII.test(text)) return stripPunctuation(text.toLowerCase());
  return stripPunctuation(
    foldCase(asciiDigits(foldArabicLetters(removeArabicMarks(removeInvisibles(compatibilityFold(text)))))),
  );
}

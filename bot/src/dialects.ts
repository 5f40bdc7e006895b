import { normalize } from './normalize.ts';

/**
 * Common dialect words and colloquial spellings with their Modern Standard Arabic or written
 * Persian forms. A knowledge base is usually written in the standard language while visitors
 * type as they speak ("وش", "ابغى", "للحين"): each listed word adds its standard form(s) as
 * extra word features (`tokens.ts`), beside the word as typed, on both sides.
 *
 * Written for Cascade from general descriptions of the dialects; forms were checked against
 * N. Habash, "Introduction to Arabic Natural Language Processing" (Morgan & Claypool, 2010,
 * ch. 1 on dialects), C. Holes, "Colloquial Arabic of the Gulf" (Routledge), the
 * "Colloquial Arabic (Egyptian / Levantine)" course books (Routledge), and G. Lazard,
 * "A Grammar of Contemporary Persian" (Mazda, 1992) for spoken Persian verb endings.
 * Only words with one clear standard meaning in a support chat are listed.
 */
const ARABIC: readonly (readonly [string, string])[] = [
  // what / why / how / where / when / who
  ['وش', 'ماذا'], // Gulf
  ['ايش', 'ماذا'], // Gulf, Hijazi
  ['شو', 'ماذا'], // Levantine
  ['شنو', 'ماذا'], // Gulf (Kuwait, Iraq), Maghrebi
  ['اشنو', 'ماذا'], // Maghrebi
  ['ايه', 'ماذا'], // Egyptian
  ['ليش', 'لماذا'], // Gulf, Levantine
  ['ليه', 'لماذا'], // Egyptian
  ['علاش', 'لماذا'], // Maghrebi
  ['شلون', 'كيف'], // Gulf, Iraqi
  ['وشلون', 'كيف'], // Gulf
  ['ازاي', 'كيف'], // Egyptian
  ['كيفاش', 'كيف'], // Maghrebi
  ['وين', 'أين'], // Gulf, Levantine
  ['فين', 'أين'], // Egyptian, Maghrebi
  ['امتى', 'متى'], // Gulf, Egyptian
  ['ايمتى', 'متى'], // Levantine
  ['امتا', 'متى'], // Egyptian spelling
  ['منو', 'من'], // Gulf, Iraqi
  ['مين', 'من'], // Levantine, Egyptian
  // want
  ['ابغى', 'أريد'], // Gulf
  ['ابغا', 'أريد'], // Gulf (Hijazi spelling)
  ['ابي', 'أريد'], // Gulf
  ['ودي', 'أريد'], // Gulf
  ['بدي', 'أريد'], // Levantine
  ['عايز', 'أريد'], // Egyptian
  ['عاوز', 'أريد'], // Egyptian
  ['عايزه', 'أريد'], // Egyptian, feminine
  ['بغيت', 'أريد'], // Maghrebi
  // now / still / yet
  ['الحين', 'الآن'], // Gulf
  ['هلق', 'الآن'], // Levantine
  ['دلوقتي', 'الآن'], // Egyptian
  ['دابا', 'الآن'], // Moroccan
  ['توا', 'الآن'], // Tunisian, Libyan
  ['للحين', 'بعد'], // Gulf: "لم يصل للحين" = not arrived yet
  ['لسه', 'بعد'], // Egyptian, Levantine
  ['لسا', 'بعد'], // Levantine
  // much / very / also / only / not
  ['واجد', 'كثير'], // Gulf
  ['وايد', 'كثير'], // Gulf
  ['كتير', 'كثير'], // Levantine, Egyptian
  ['بزاف', 'كثير'], // Maghrebi
  ['اوي', 'جدا'], // Egyptian
  ['كمان', 'أيضا'], // Levantine, Egyptian
  ['بس', 'فقط'], // all eastern dialects
  ['مو', 'ليس'], // Gulf, Iraqi
  ['مش', 'ليس'], // Egyptian, Levantine
  ['ماشي', 'ليس'], // Maghrebi negation
  ['علشان', 'لأن'], // Egyptian, Gulf
  ['عشان', 'لأن'], // Egyptian, Gulf, Levantine
  // "I don't know", "the matter", possessives
  ['مدري', 'لا أعرف'], // Gulf
  ['معرفش', 'لا أعرف'], // Egyptian
  ['السالفة', 'الموضوع'], // Gulf
  ['سالفة', 'موضوع'], // Gulf
  ['حقي', 'لي'], // Gulf possessive: "الطلب حقي" = my order
  ['حقتي', 'لي'], // Gulf, feminine possessed
  ['حقك', 'لك'], // Gulf
  ['تبعي', 'لي'], // Levantine
  ['بتاعي', 'لي'], // Egyptian
  ['ديالي', 'لي'], // Maghrebi
  // common verbs and adjectives of support chats
  ['ابغاه', 'أريده'], // Gulf
  ['يوصل', 'يصل'], // Gulf, Egyptian: "امتى يوصل"
  ['وصلني', 'وصل'], // all: "ما وصلني"
  ['خربان', 'معطل'], // Gulf, Levantine
  ['عطلان', 'معطل'], // Egyptian
  ['زين', 'جيد'], // Gulf
  ['كويس', 'جيد'], // Egyptian
  ['منيح', 'جيد'], // Levantine
  ['فلوس', 'مال'], // Gulf, Egyptian
  ['مصاري', 'مال'], // Levantine
  ['فلوسي', 'أموالي'], // "my money"
  ['ارجع', 'أعيد'], // "return (an item)" in Gulf and Egyptian usage
];

/** Spoken Persian forms as typed in chats, with the written form. */
const PERSIAN: readonly (readonly [string, string])[] = [
  ['میخوام', 'میخواهم'],
  ['نمیخوام', 'نمیخواهم'],
  ['میشه', 'میشود'],
  ['نمیشه', 'نمیشود'],
  ['چیه', 'چیست'],
  ['کجاس', 'کجاست'],
  ['کیه', 'کیست'],
  ['اینو', 'این را'],
  ['اونو', 'آن را'],
  ['اون', 'آن'],
  ['اونا', 'آنها'],
  ['یه', 'یک'],
  ['چجوری', 'چگونه'],
  ['چطوری', 'چطور'],
  ['دارین', 'دارید'],
  ['هستین', 'هستید'],
  ['کنین', 'کنید'],
  ['میکنین', 'میکنید'],
  ['بدین', 'بدهید'],
  ['بگین', 'بگویید'],
  ['میدونم', 'میدانم'],
  ['نمیدونم', 'نمیدانم'],
  ['میتونم', 'میتوانم'],
  ['نمیتونم', 'نمیتوانم'],
  ['میرسه', 'میرسد'],
  ['خونه', 'خانه'],
  ['تومن', 'تومان'],
];

/** Normalised dialect word -> normalised standard words. */
export const STANDARD_FORMS: ReadonlyMap<string, readonly string[]> = new Map(
  [...ARABIC, ...PERSIAN].map(([dialect, standard]) => [normalize(dialect), normalize(standard).split(' ')]),
);

/** Persian verb prefix (present tense and its negation) written joined or with a non-joiner. */
const PERSIAN_PREFIX = /^(ن?می)(.{3,})$/u;
/** Persian suffixes a non-joiner often separates: plural, comparative, possessive and verb endings. */
const PERSIAN_SUFFIX = /^(.{3,}?)(هایی|های|ها|ترین|تر|ام|ایم|اید|اند)$/u;

/** The first code point of the Arabic block; Persian letters are in it too. */
const ARABIC_BLOCK = 0x600;
const NO_FORMS: readonly string[] = [];

/**
 * The standard forms of a normalised word, besides the word itself: its entry in the tables
 * above, and for Persian words with an affix the non-joiner separates (میخواهم, کتابها) the
 * split-off stem, so that "می‌یابد" typed joined still meets "می یابد" written with a space.
 */
export function standardForms(word: string): readonly string[] {
  const listed = STANDARD_FORMS.get(word);
  if (listed) return listed;
  // The affixes are Arabic-script letters: a word that neither starts nor ends with one (every
  // word of a Latin-script knowledge base) is not tried against the patterns, the dearer part.
  if (word.charCodeAt(0) < ARABIC_BLOCK && word.charCodeAt(word.length - 1) < ARABIC_BLOCK) return NO_FORMS;
  const prefixed = PERSIAN_PREFIX.exec(word);
  if (prefixed) return [prefixed[2] as string];
  const suffixed = PERSIAN_SUFFIX.exec(word);
  if (suffixed) return [suffixed[1] as string];
  return [];
}

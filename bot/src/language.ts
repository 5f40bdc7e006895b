/**
 * Language of a visitor's message, from its script first: Latin is English, and Arabic
 * script is told apart as Persian or Arabic by the letters and small words only one of them
 * uses. Works on the raw text, before normalisation folds the very letters that differ.
 */

const SCRIPTS: readonly { language: string; pattern: RegExp }[] = [
  { language: 'arabic-script', pattern: /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/gu },
  { language: 'en', pattern: /\p{Script=Latin}/gu },
  { language: 'ru', pattern: /\p{Script=Cyrillic}/gu },
  { language: 'el', pattern: /\p{Script=Greek}/gu },
  { language: 'he', pattern: /\p{Script=Hebrew}/gu },
  { language: 'hi', pattern: /\p{Script=Devanagari}/gu },
  { language: 'th', pattern: /\p{Script=Thai}/gu },
  { language: 'ko', pattern: /\p{Script=Hangul}/gu },
  { language: 'ja', pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu },
  { language: 'zh', pattern: /\p{Script=Han}/gu },
  { language: 'hy', pattern: /\p{Script=Armenian}/gu },
  { language: 'ka', pattern: /\p{Script=Georgian}/gu },
];

/** Letters Persian has and Arabic lacks (پ چ ژ گ), and the Persian forms of kaf and yeh. */
const PERSIAN_LETTERS = /[\u067e\u0686\u0698\u06af]/g;
const PERSIAN_FORMS = /[\u06a9\u06cc]/g;
/** Teh marbuta, alef maksura, and the Arabic forms of kaf and yeh. */
const ARABIC_FORMS = /[\u0629\u0649\u0643\u064a]/g;

/** Persian keyboards and Arabic ones type yeh and kaf differently: words are compared with both folded. */
const foldYehKaf = (word: string) => word.replace(/[\u064a\u0649]/g, '\u06cc').replace(/\u0643/g, '\u06a9');

const PERSIAN_WORDS = new Set(
  [
    'است هست نیست این آن که را برای چه چی چرا چطور چگونه کجا کجاست چیست چیه کی من ما شما',
    'تو او می نمی هم یک دارم دارید دارد میخوام میخواهم خواهم باید بود شده کنم کنید کن بکنم',
    'بدهید بده از با به در تا هر خیلی ممنون مرسی سپاس درود خداحافظ خدانگهدار خوبی لطفا',
  ]
    .join(' ')
    .split(' ')
    .map(foldYehKaf),
);
const ARABIC_WORDS = new Set(
  [
    'في على من إلى الى عن هل ما ماذا لماذا كيف أين اين متى هذا هذه ذلك التي الذي الذين هو هي أنا انا',
    'نحن أنت انت لا نعم لم لن قد كان كانت يمكن ممكن أريد اريد أود عندي مع شكرا مرحبا أهلا اهلا أو او',
  ]
    .join(' ')
    .split(' ')
    .map(foldYehKaf),
);

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function persianOrArabic(text: string, fallback: string): 'fa' | 'ar' {
  let persian = 3 * count(text, PERSIAN_LETTERS) + count(text, PERSIAN_FORMS);
  let arabic = count(text, ARABIC_FORMS);
  for (const word of text.split(/[^\u0600-\u06ff\u200c]+/u)) {
    const bare = foldYehKaf(word.replace(/[\u064b-\u065f\u0640\u200c]/g, ''));
    // می‌ with a non-joiner opens most Persian present-tense verbs.
    if (PERSIAN_WORDS.has(bare) || word.startsWith('می\u200c')) persian += 3;
    if (ARABIC_WORDS.has(bare)) arabic += 3;
    // The article al- opens most Arabic nouns; Persian keeps it only in a few loan words.
    if (bare.length > 3 && bare.startsWith('ال')) arabic += 1;
  }
  if (persian === arabic) return fallback === 'fa' ? 'fa' : 'ar';
  return persian > arabic ? 'fa' : 'ar';
}

/** 'en', 'ar', 'fa', or another ISO 639-1 code by script; `fallback` when the text has no letters. */
export function detectLanguage(text: string, fallback = 'en'): string {
  let best = '';
  let bestCount = 0;
  for (const { language, pattern } of SCRIPTS) {
    const n = count(text, pattern);
    if (n > bestCount) {
      best = language;
      bestCount = n;
    }
  }
  if (bestCount === 0) return fallback;
  return best === 'arabic-script' ? persianOrArabic(text, fallback) : best;
}

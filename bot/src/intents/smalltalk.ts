import { normalize } from '../normalize.ts';

/**
 * Greetings, thanks and goodbyes in English, Arabic and Persian. A message is smalltalk only
 * when nothing else is left once these phrases (and a few fillers such as "so much") are taken
 * away: "hi, where is my order" is a question, and the question part goes on to retrieval.
 */

export type SmalltalkIntent = 'greeting' | 'thanks' | 'goodbye';

const PHRASES: Record<SmalltalkIntent, string> = {
  greeting: [
    'hi,hello,hey,heya,hiya,howdy,yo,greetings,good morning,good afternoon,good evening',
    'good day,morning,hi there,hello there,how are you,how r u,how are you doing,whats up,sup',
    'مرحبا,مرحبا بك,اهلا,أهلا,اهلا وسهلا,أهلا وسهلا,هلا,السلام عليكم,سلام عليكم',
    'السلام عليكم ورحمة الله,سلام,صباح الخير,مساء الخير,صباح النور,مساء النور,كيف حالك,كيفك,شلونك',
    'سلام,درود,سلام علیکم,صبح بخیر,صبح به خیر,عصر بخیر,عصر به خیر,شب بخیر,وقت بخیر',
    'وقتتون بخیر,روز بخیر,خسته نباشید,خسته نباشی,حالتون چطوره,خوبی,خوبید,چطوری,چطورید',
  ].join(','),
  thanks: [
    'thanks,thank you,thank u,thx,thnx,ty,tysm,thanks a lot,thank you so much,thank you very much,many thanks',
    'much appreciated,appreciate it,i appreciate it,cheers,great thanks,perfect thanks,that helped,that helps',
    'شكرا,شكراً,شكرا جزيلا,شكرا لك,شكرا لكم,مشكور,مشكورين,يعطيك العافية',
    'الله يعطيك العافية,جزاك الله خيرا,تسلم,تسلمي,ممتاز,رائع',
    'ممنون,ممنونم,مرسی,مرسی از شما,متشکرم,متشکر,سپاس,سپاسگزارم,تشکر',
    'خیلی ممنون,خیلی مرسی,دستت درد نکنه,دستتون درد نکنه,عالی,عالیه,خیلی خوب',
  ].join(','),
  goodbye: [
    'bye,goodbye,good bye,bye bye,see you,see ya,see you later,later',
    'good night,take care,have a nice day,have a good day,cya,farewell',
    'مع السلامة,مع السلامه,إلى اللقاء,الى اللقاء,وداعا,وداعاً,تصبح على خير,في امان الله,في أمان الله,باي',
    'خداحافظ,خدانگهدار,خدا نگهدار,بای,فعلا,فعلاً,شب خوش,روز خوش,به امید دیدار',
  ].join(','),
};

/** Words that ride along with smalltalk without turning it into a question. */
const FILLERS = new Set(
  [
    'so much,very much,a lot,again,ok,okay,oh,ah,well,you,guys,all,everyone,there,team,bot,dear',
    'friend,sir,madam,and,for,your,help,the,very,too,lol,yes,no,so,nice,really,indeed,again',
    'جزيلا,كثيرا,جدا,يا,و,على,المساعدة,مساعدتك,اخي,أخي,اختي,حبيبي,عزيزي,اوكي,طيب,تمام,نعم,لا',
    'خیلی,زیاد,بابت,کمک,کمکتون,از,شما,عزیز,جان,و,باشه,اوکی,بله,نه,هم,دوست,ممنونم',
  ]
    .join(',')
    .split(',')
    .flatMap((f) => normalize(f).split(' ')),
);

/** Longest phrases first, so "thank you so much" wins over "thank you". */
const TABLE: readonly { words: readonly string[]; intent: SmalltalkIntent }[] = (
  Object.entries(PHRASES) as [SmalltalkIntent, string][]
)
  .flatMap(([intent, list]) => list.split(',').map((p) => ({ words: normalize(p).split(' '), intent })))
  .filter((p) => p.words[0] !== '')
  .sort((a, b) => b.words.length - a.words.length);

export interface Smalltalk {
  /** Set when the whole message is smalltalk; the last one said wins ("thanks, bye" is a goodbye). */
  intent: SmalltalkIntent | null;
  /** The message with leading smalltalk removed, for retrieval when `intent` is null. */
  rest: string;
}

function matchAt(words: readonly string[], at: number): { length: number; intent: SmalltalkIntent } | null {
  for (const entry of TABLE) {
    if (entry.words.every((w, k) => words[at + k] === w)) return { length: entry.words.length, intent: entry.intent };
  }
  return null;
}

export function readSmalltalk(normalized: string): Smalltalk {
  const words = normalized.length === 0 ? [] : normalized.split(' ');
  let intent: SmalltalkIntent | null = null;
  let leading = -1;
  let i = 0;
  while (i < words.length) {
    const hit = matchAt(words, i);
    if (hit) {
      intent = hit.intent;
      i += hit.length;
    } else if (FILLERS.has(words[i] as string)) {
      i++;
    } else {
      if (leading < 0) leading = i;
      break;
    }
  }
  if (leading < 0) return { intent, rest: '' };
  return { intent: null, rest: words.slice(intent === null ? 0 : leading).join(' ') };
}

const REPLIES: Record<SmalltalkIntent, Record<'en' | 'ar' | 'fa', string>> = {
  greeting: {
    en: 'Hello! How can I help you today?',
    ar: 'مرحبًا! كيف يمكنني مساعدتك اليوم؟',
    fa: 'سلام! چطور می‌توانم کمکتان کنم؟',
  },
  thanks: {
    en: "You're welcome! Is there anything else I can help with?",
    ar: 'على الرحب والسعة! هل هناك شيء آخر يمكنني مساعدتك فيه؟',
    fa: 'خواهش می‌کنم! کار دیگری هست که بتوانم انجام دهم؟',
  },
  goodbye: {
    en: 'Goodbye, and thanks for stopping by!',
    ar: 'مع السلامة، وشكرًا لزيارتك!',
    fa: 'خدانگهدار، ممنون که سر زدید!',
  },
};

/** A short friendly reply; English for languages without one. */
export function smalltalkReply(intent: SmalltalkIntent, language: string): string {
  const replies = REPLIES[intent];
  return language === 'ar' || language === 'fa' ? replies[language] : replies.en;
}

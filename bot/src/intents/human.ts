import { normalize } from '../normalize.ts';

/**
 * "I want a human", in English, Arabic and Persian. Nobody should have to argue with the bot
 * to reach a person, so this is checked before any retrieval. It is a set of word rules,
 * not a model, because every rule must hold on day one for any knowledge base:
 *  - a speech verb and someone to speak to ("talk to a person", "ممکن أکلم شخص");
 *  - a wish right before a person word ("I want a human", "أريد موظف", "میخوام اپراتور");
 *  - a short message that is mostly a person word ("agent please", "operator", "پشتیبان انسانی").
 * Person words come in two strengths: "agent", "operator" or "موظف" mean staff on their own;
 * "someone", "support" or "الدعم" only with a speech verb ("talk to someone").
 */

interface Lexicon {
  /** Words or phrases that name staff on their own. */
  strong: readonly string[];
  /** Words that name staff only next to a speech verb. */
  weak: readonly string[];
  speech: readonly string[];
  wish: readonly string[];
  /** Words that may stand beside a strong word in a short request. */
  filler: readonly string[];
  /** Arabic and Persian attach prepositions and the article to the word: matched by prefix after these. */
  prefixes: readonly string[];
}

/** Comma-separated word lists (several, so that long ones stay readable). */
const prep = (...lists: string[]) =>
  lists
    .join(',')
    .split(',')
    .map((w) => normalize(w))
    .filter((w) => w.length > 0);

const LEXICONS: readonly Lexicon[] = [
  {
    strong: prep(
      'human,humans,human being,person,real person,live person,agent,agents,live agent',
      'real agent,operator,operators,representative,representatives,rep,customer service rep',
      'staff member,employee,advisor,adviser,consultant,supervisor,manager',
    ),
    weak: prep(
      'someone,somebody,anyone,anybody,people,staff,support',
      'customer service,customer support,support team,team,real one',
    ),
    speech: prep(
      'talk,talking,speak,speaking,chat,chatting,converse,connect me',
      'transfer me,put me through,pass me,forward me,hand me over,escalate',
    ),
    wish: prep('want,wanna,need,get me,give me,prefer,request,id like,would like,can i have,may i have,get,find me'),
    filler: prep(
      'a,an,the,to,me,please,pls,plz,now,real,live,actual,with,i,need,want,some,one,just,ok,hey,hi,hello,asap',
    ),
    prefixes: [],
  },
  {
    strong: prep('موظف,موظفة,انسان,بشر,بشري,شخص,مندوب,ممثل,ممثلة,عامل,موظفين,كادر,الاستقبال'),
    weak: prep('الدعم,دعم,خدمة العملاء,احد,أحد,حد,مشرف,مسؤول,مدير,المسؤول,فريق'),
    speech: prep(
      'اكلم,أكلم,اتكلم,أتكلم,تكلم,نتكلم,يكلم,كلمني,التكلم,اتحدث,أتحدث,التحدث,تحدث,نتحدث,يتحدث,احكي,أحكي,نحكي',
      'اتواصل,أتواصل,التواصل,تواصل,اتصل,أتصل,الاتصال,حولني,حولوني,وصلني,أوصلني,اوصلني,تحويلي,محادثة,دردشة',
    ),
    wish: prep('اريد,أريد,نريد,ابغى,أبغى,ابغي,ابي,أبي,بدي,بدنا,عايز,عاوز,أود,اود,ممكن,اطلب,أطلب,اعطني,أعطني,هات'),
    filler: prep('من,فضلك,لو,سمحت,رجاء,رجاءا,الآن,الان,حقيقي,حقيقية,مع,الى,إلى,ل,يا,مرحبا,السلام,عليكم'),
    prefixes: prep('وال,بال,فال,كال,لل,ال,و,ب,ل,ف'),
  },
  {
    strong: prep('اپراتور,انسان,آدم,شخص,کارشناس,کارمند,نماینده,پشتیبان,مشاور,اوپراتور'),
    weak: prep('یکی,یک نفر,نفر,کسی,مسئول,مدیر,پشتیبانی,تیم'),
    speech: prep('صحبت,حرف,گفتگو,گفت‌وگو,چت,تماس,وصل,ارتباط,متصل,بزنم'),
    wish: prep('میخوام,می‌خوام,میخواهم,می‌خواهم,میخواستم,می‌خواستم,خواهش,لطفا,بدید,بدین,میشه,می‌شه,ممکنه'),
    filler: prep('یک,یه,با,به,لطفا,لطفاً,الان,واقعی,یک,سلام,خواهشا,لطفن,من,رو,را'),
    prefixes: prep('ب,به'),
  },
];

function phraseAt(words: readonly string[], at: number, phrase: string, prefixes: readonly string[]): number {
  const parts = phrase.split(' ');
  for (let k = 0; k < parts.length; k++) {
    const word = words[at + k];
    const part = parts[k] as string;
    if (word === undefined) return 0;
    if (word === part) continue;
    // Arabic and Persian: a clitic in front (بالموظف) or an ending after (موظفين, اپراتورتون).
    const stems = [word, ...prefixes.filter((p) => word.startsWith(p)).map((p) => word.slice(p.length))];
    if (prefixes.length === 0 || part.length < 3 || !stems.some((s) => s.startsWith(part))) return 0;
  }
  return parts.length;
}

/** Positions (start, length) where any phrase of `list` occurs. */
function find(words: readonly string[], list: readonly string[], prefixes: readonly string[]): [number, number][] {
  const hits: [number, number][] = [];
  for (let i = 0; i < words.length; i++) {
    for (const phrase of list) {
      const n = phraseAt(words, i, phrase, prefixes);
      if (n > 0) hits.push([i, n]);
    }
  }
  return hits;
}

/**
 * Questions about the bot itself ("are you a bot or a real person?") are not requests for
 * one; the question may not run past a wish ("are you there? I want a human"). In parts: the
 * question, up to six words that are no wish, then what it asks about.
 */
const ABOUT_THE_BOT = new RegExp(
  [
    String.raw`\b(are (you|u)|r u|is (this|it|that)|am i (talking|chatting|speaking))`,
    String.raw`( (?!want|wanna|need|talk|speak|chat|connect|get|give)\S+){0,6}`,
    String.raw` (human|person|bot|robot|computer|machine|ai|agent|real)\b`,
  ].join(''),
  'g',
);

function requestsHumanIn(words: readonly string[], lexicon: Lexicon): boolean {
  const { prefixes } = lexicon;
  const strong = find(words, lexicon.strong, prefixes);
  const weak = find(words, lexicon.weak, prefixes);
  if (strong.length === 0 && weak.length === 0) return false;
  if (find(words, lexicon.speech, prefixes).length > 0) return true;
  const wishes = find(words, lexicon.wish, prefixes);
  // "I want a human", not "I'd like for this person to know my location".
  const onlyFillers = (from: number, to: number) => words.slice(from, to).every((w) => lexicon.filler.includes(w));
  for (const [at] of strong) {
    if (wishes.some(([w, n]) => w + n <= at && at - (w + n) <= 3 && onlyFillers(w + n, at))) return true;
  }
  if (strong.length > 0) {
    const covered = new Set<number>();
    for (const [at, n] of strong) for (let k = 0; k < n; k++) covered.add(at + k);
    const rest = words.filter((w, i) => !covered.has(i) && !lexicon.filler.includes(w));
    return rest.length <= 1 && words.length <= 5;
  }
  return false;
}

/**
 * Cheap gate per lexicon: the first word of some person word must be there (for English), or
 * the script (for the others).
 */
const ARABIC_SCRIPT = /[\u0600-\u06ff]/;
const ENGLISH_PERSON_WORDS = new Set(
  [...(LEXICONS[0] as Lexicon).strong, ...(LEXICONS[0] as Lexicon).weak].map((p) => p.split(' ')[0] as string),
);

export function requestsHuman(text: string): boolean {
  const normalized = normalize(text).replace(ABOUT_THE_BOT, ' ').trim();
  if (normalized.length === 0) return false;
  const words = normalized.split(/\s+/);
  const [english, ...others] = LEXICONS as [Lexicon, ...Lexicon[]];
  if (words.some((w) => ENGLISH_PERSON_WORDS.has(w)) && requestsHumanIn(words, english)) return true;
  return ARABIC_SCRIPT.test(normalized) && others.some((lexicon) => requestsHumanIn(words, lexicon));
}

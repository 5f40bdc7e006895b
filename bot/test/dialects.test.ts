import type { KbEntry } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { standardForms } from '../src/dialects.ts';
import { createBot } from '../src/index.ts';
import { normalize } from '../src/normalize.ts';
import { terms } from '../src/tokens.ts';

const formsOf = (word: string) => standardForms(normalize(word));
const wordTerms = (text: string) => terms(normalize(text)).filter((t) => t.startsWith('w'));

describe('dialect and colloquial words', () => {
  it.each([
    ['وش', 'ماذا'],
    ['ايش', 'ماذا'],
    ['شو', 'ماذا'],
    ['ليش', 'لماذا'],
    ['وشلون', 'كيف'],
    ['ازاي', 'كيف'],
    ['كيفاش', 'كيف'],
    ['وين', 'أين'],
    ['فين', 'أين'],
    ['امتى', 'متى'],
    ['ابغى', 'أريد'],
    ['ابي', 'أريد'],
    ['بدي', 'أريد'],
    ['عايز', 'أريد'],
    ['بغيت', 'أريد'],
    ['الحين', 'الآن'],
    ['دلوقتي', 'الآن'],
    ['للحين', 'بعد'],
    ['واجد', 'كثير'],
    ['بزاف', 'كثير'],
    ['علشان', 'لأن'],
    ['السالفة', 'الموضوع'],
    ['حقتي', 'لي'],
    ['مدري', 'لا أعرف'],
    ['یوصل', 'يصل'],
    ['میخوام', 'می‌خواهم'],
    ['میشه', 'می‌شود'],
    ['چیه', 'چیست'],
    ['کجاس', 'کجاست'],
    ['اینو', 'این را'],
    ['یه', 'یک'],
    ['نمیدونم', 'نمی‌دانم'],
  ])('%s counts as %s', (dialect, standard) => {
    expect(formsOf(dialect)).toEqual(normalize(standard).split(' '));
  });

  it('reads Arabic letter variants of a listed word the same (ي/ی, ى, ة/ه, hamza)', () => {
    expect(formsOf('امتي')).toEqual(formsOf('امتى'));
    expect(formsOf('السالفه')).toEqual(formsOf('السالفة'));
  });

  it('keeps the word as typed beside its standard form', () => {
    expect(wordTerms('وش السالفة')).toEqual(['wوش', 'wماذا', `w${normalize('السالفة')}`, `w${normalize('الموضوع')}`]);
  });

  it('gives Persian words joined by a dropped non-joiner their split stem too', () => {
    expect(wordTerms('می‌یابد')).toContain(`w${normalize('یابد')}`);
    expect(wordTerms('می یابد')).toContain(`w${normalize('یابد')}`);
    expect(wordTerms('کتاب‌ها')).toEqual([`w${normalize('کتابها')}`, `w${normalize('کتاب')}`]);
    expect(wordTerms('نمی‌خواهم')).toContain(`w${normalize('خواهم')}`);
    // Only one end of the word in Persian letters is enough for its affix to be split off.
    expect(formsOf('wifiها')).toEqual(['wifi']);
    expect(formsOf('میclick')).toEqual(['click']);
  });

  it('leaves other words alone', () => {
    for (const word of ['order', 'طلب', 'سفارش', 'كتاب', 'hello']) expect(formsOf(word)).toEqual([]);
  });
});

describe('a knowledge base written in the standard language', () => {
  const entry = (id: string, ar: string[], fa: string[]): KbEntry => ({
    id,
    skill: 'general',
    content: {
      ar: { question: ar[0] as string, phrasings: ar.slice(1), answer: id },
      fa: { question: fa[0] as string, phrasings: fa.slice(1), answer: id },
    },
    related: [],
    updatedAt: 0,
  });
  const kb = [
    entry(
      'arrival',
      ['متى يصل طلبي؟', 'كم يستغرق التوصيل', 'موعد وصول الطلب'],
      ['سفارشم کی می‌رسد؟', 'زمان تحویل سفارش', 'ارسال چند روز طول می‌کشد'],
    ),
    entry('where', ['أين طلبي؟', 'تتبع الطلب', 'حالة الطلب'], ['سفارش من کجاست؟', 'پیگیری سفارش', 'وضعیت سفارش']),
    entry(
      'cancel',
      ['كيف ألغي طلبي؟', 'إلغاء الطلب', 'أريد إلغاء الشراء'],
      ['چگونه سفارشم را لغو کنم؟', 'لغو سفارش', 'می‌خواهم خریدم را لغو کنم'],
    ),
    entry(
      'password',
      ['نسيت كلمة المرور', 'كيف أغير كلمة السر', 'لا أستطيع الدخول'],
      ['رمز عبورم را فراموش کرده‌ام', 'تغییر رمز عبور', 'نمی‌توانم وارد شوم'],
    ),
    entry(
      'payment',
      ['ما طرق الدفع المتاحة؟', 'هل تقبلون البطاقة', 'الدفع عند الاستلام'],
      ['چه روش‌های پرداختی دارید؟', 'پرداخت با کارت', 'پرداخت در محل'],
    ),
  ];
  const bot = createBot(kb);

  it.each([
    ['امتى يوصل طلبي', 'arrival'],
    ['وين طلبي', 'where'],
    ['ابغى الغي طلبي', 'cancel'],
    ['میخوام سفارشمو لغو کنم', 'cancel'],
    ['سفارشم کی میرسه', 'arrival'],
  ])('finds %s', (text, id) => {
    const d = bot.decide(text);
    expect(d.kind === 'answer' ? d.entryId : d.kind === 'suggest' ? d.suggestions[0]?.entryId : null).toBe(id);
  });
});

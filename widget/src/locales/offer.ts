import type { Locale } from '@cascade/shared';

const en = {
  'offer.title': 'Nobody is free right now.',
  'offer.body': 'Leave your email and we will reply, or keep waiting.',
  'offer.submit': 'Leave my email',
  'offer.wait': 'Keep waiting',
  'offer.back': 'We are back on {when}.',
  'offer.replyBy': "We'll reply by {when}.",
  'form.email': 'Email',
  'form.name': 'Name (optional)',
};

/**
 * The email forms' strings (the ticket offer, and the contact for a ticket made without one), in
 * the chunk they share rather than the panel's catalogue: most visitors never see either form.
 * Typed by the English, so a language missing a string does not compile.
 */
export const offerStrings: Record<Locale, typeof en> = {
  en,
  ar: {
    'offer.title': 'لا أحد متاح الآن.',
    'offer.body': 'اترك بريدك وسنرد عليك، أو واصل الانتظار.',
    'offer.submit': 'اترك بريدي',
    'offer.wait': 'واصل الانتظار',
    'offer.back': 'نعود في {when}.',
    'offer.replyBy': 'سنرد عليك بحلول {when}.',
    'form.email': 'البريد الإلكتروني',
    'form.name': 'الاسم (اختياري)',
  },
  fa: {
    'offer.title': 'اکنون کسی آزاد نیست.',
    'offer.body': 'ایمیل بگذارید تا پاسخ دهیم، یا منتظر بمانید.',
    'offer.submit': 'ثبت ایمیل',
    'offer.wait': 'منتظر می‌مانم',
    'offer.back': 'از {when} پاسخگو هستیم.',
    'offer.replyBy': 'تا {when} پاسخ شما را می‌دهیم.',
    'form.email': 'ایمیل',
    'form.name': 'نام (اختیاری)',
  },
};

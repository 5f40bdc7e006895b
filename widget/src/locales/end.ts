import type { Locale } from '@cascade/shared';

const en = {
  'ticket.created': 'Ticket #{n} created. We will reply by email.',
  'ticket.noContact':
    'Ticket #{n} created, but we have no email address for you, so the team cannot reply by email. Leave one and we will reply there.',
  'rate.title': 'How was this chat?',
  'rate.star': '{n} of {max}',
  'rate.comment': 'Comment (optional)',
  'rate.submit': 'Send rating',
  'rate.thanks': 'Thanks for your feedback!',
  'nps.title': 'How likely are you to recommend {site} to a friend?',
  'nps.scale': '{low}: not at all likely, {high}: extremely likely',
  'transcript.to': 'Email the transcript to {email}',
  'transcript.sent': 'Sent to {email}.',
  'transcript.limited': 'We cannot email more transcripts for now: the limit is reached. Please try again later.',
  'end.new': 'Write below to start again.',
};

/**
 * The end-of-chat card's strings (ticket, rating, transcript), in its lazy chunk rather than the
 * panel's catalogue: fetched once a chat ends. Typed by the English, so a language missing a
 * string does not compile.
 */
export const endStrings: Record<Locale, typeof en> = {
  en,
  ar: {
    'ticket.created': 'أُنشئت التذكرة رقم {n}. سنرد بالبريد.',
    'ticket.noContact':
      'أُنشئت التذكرة رقم {n}، لكن ليس لدينا بريد إلكتروني لك، فلا يستطيع الفريق الرد بالبريد. اترك عنوانك وسنرد عليه.',
    'rate.title': 'كيف كانت هذه المحادثة؟',
    'rate.star': '{n} من {max}',
    'rate.comment': 'تعليق (اختياري)',
    'rate.submit': 'أرسل التقييم',
    'rate.thanks': 'شكرًا على رأيك!',
    'nps.title': 'ما مدى احتمال أن توصي صديقًا بـ {site}؟',
    'nps.scale': '{low}: غير محتمل إطلاقًا، {high}: محتمل جدًا',
    'transcript.to': 'أرسل نص المحادثة إلى {email}',
    'transcript.sent': 'أُرسل إلى {email}.',
    'transcript.limited': 'لا يمكننا إرسال المزيد من نصوص المحادثات الآن: بلغنا الحد المسموح. يُرجى المحاولة لاحقًا.',
    'end.new': 'اكتب أدناه لتبدأ من جديد.',
  },
  fa: {
    'ticket.created': 'تیکت شماره {n} ثبت شد. با ایمیل پاسخ می‌دهیم.',
    'ticket.noContact':
      'تیکت شماره {n} ثبت شد، اما ایمیلی از شما نداریم، پس تیم نمی‌تواند با ایمیل پاسخ دهد. نشانی‌تان را بگذارید تا به آن پاسخ دهیم.',
    'rate.title': 'این گفتگو چطور بود؟',
    'rate.star': '{n} از {max}',
    'rate.comment': 'نظر (اختیاری)',
    'rate.submit': 'ارسال امتیاز',
    'rate.thanks': 'از نظرتان سپاسگزاریم!',
    'nps.title': 'چقدر احتمال دارد {site} را به یک دوست پیشنهاد کنید؟',
    'nps.scale': '{low}: اصلاً، {high}: به‌احتمال زیاد',
    'transcript.to': 'متن گفتگو را به {email} ایمیل کنید',
    'transcript.sent': 'به {email} فرستاده شد.',
    'transcript.limited':
      'فعلاً نمی‌توانیم متن گفتگوی بیشتری ایمیل کنیم: به سقف مجاز رسیده‌ایم. لطفاً بعداً دوباره تلاش کنید.',
    'end.new': 'برای شروع دوباره، پایین بنویسید.',
  },
};

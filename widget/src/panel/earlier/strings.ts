import type { Locale } from '@cascade/shared';

const en = {
  none: 'No earlier conversations.',
  back: 'Back to the chat',
  list: 'Back to the list',
  empty: '(no message)',
};

/**
 * The earlier-conversations view's own strings, in its lazy chunk rather than the panel's
 * catalogue: a visitor who never opens the view never downloads them. The panel's catalogue
 * keeps only the button that opens it (`earlier.open`). Typed by the English, so a language
 * missing a string does not compile.
 */
export const earlierStrings: Record<Locale, typeof en> = {
  en,
  ar: {
    none: 'لا توجد محادثات سابقة.',
    back: 'العودة إلى المحادثة',
    list: 'العودة إلى القائمة',
    empty: '(بلا رسالة)',
  },
  fa: { none: 'گفتگوی پیشینی نیست.', back: 'بازگشت به گفتگو', list: 'بازگشت به فهرست', empty: '(بدون پیام)' },
};

import type { Locale } from '@cascade/shared';

/** The invitation bubble's one string of its own (the message is the site's), in its lazy chunk. */
export const bubbleClose: Record<Locale, string> = {
  en: 'Dismiss message',
  ar: 'إخفاء الرسالة',
  fa: 'بستن پیام',
};

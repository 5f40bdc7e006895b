import type { Locale } from '@cascade/shared';

/**
 * The pre-chat form's strings, kept in its lazy chunk so that only visitors of a site with a
 * form download them; the type asks for every language the widget speaks.
 */
export const preChatStrings: Record<Locale, { title: string; submit: string; choose: string }> = {
  en: { title: 'Before we start, tell us a little about you.', submit: 'Start the chat', choose: 'Choose…' },
  ar: { title: 'قبل أن نبدأ، أخبرنا قليلًا عنك.', submit: 'ابدأ المحادثة', choose: 'اختر…' },
  fa: { title: 'پیش از شروع، کمی دربارهٔ خودتان بگویید.', submit: 'شروع گفتگو', choose: 'انتخاب کنید…' },
};

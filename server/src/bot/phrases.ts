import type { Locale } from '@cascade/shared';

/**
 * What the bot says around its decisions; stored as message text so transcripts read well. The
 * suggestions' own question ("Does one of these help?") is the widget's, so it is not asked twice.
 */
export const botPhrases: Record<Locale, { suggest: string; escalate: string; humanRequested: string }> = {
  en: {
    suggest: 'I am not sure I understood.',
    escalate: "I don't have an answer for that yet. Let me find a person who can help.",
    humanRequested: 'Of course. Let me find a person who can help.',
  },
  ar: {
    suggest: 'لست متأكدًا أنني فهمت.',
    escalate: 'ليس لدي إجابة عن ذلك بعد. سأبحث عن موظف يمكنه المساعدة.',
    humanRequested: 'بالتأكيد. سأبحث عن موظف يمكنه المساعدة.',
  },
  fa: {
    suggest: 'مطمئن نیستم منظورتان را فهمیده باشم.',
    escalate: 'هنوز پاسخی برای این ندارم. یک همکار را برای کمک پیدا می‌کنم.',
    humanRequested: 'حتماً. یک همکار را برای کمک پیدا می‌کنم.',
  },
};

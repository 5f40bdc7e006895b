import type { Locale } from '@cascade/shared';

/** The few fixed words of Cascade's emails; `{name}` marks a value filled in. */
const en = {
  you: 'You',
  visitor: 'Visitor',
  bot: 'Assistant',
  agent: 'Agent',
  internalNote: 'internal note',
  noName: '(no name)',
  none: '(none)',
  conversation: 'Conversation',
  file: 'File',
  footer: 'Sent by the chat of {site}.',
  'support.subject': '[{site}] New ticket #{n}: {reason}',
  'support.intro': 'A chat became ticket #{n}. The whole conversation is below, so nobody has to ask twice.',
  'support.reason': 'Reason',
  'support.skill': 'Skill',
  'support.level': 'Level',
  'support.visitor': 'Visitor',
  'support.email': 'Email',
  'support.note': 'Note',
  'support.pages': 'Pages visited',
  'support.console': 'Open the console',
  'reason.followup': 'an agent asked for follow-up',
  'reason.no_agent': 'nobody was available',
  'reason.max_wait': 'the wait was too long',
  'reason.outside_hours': 'outside business hours',
  'reason.abandoned': 'the visitor left the chat',
  'ticket.subject': 'Your request #{n} at {site}',
  'ticket.intro':
    'Thank you for contacting {site}. We opened request #{n} for you and will answer by email. ' +
    'Here is your conversation so far.',
  'transcript.subject': 'Your conversation with {site}',
  'transcript.intro':
    'Here is the transcript of your conversation with {site}, which you asked for in its chat. ' +
    'Lines marked “You” are what you wrote. If you did not ask for it, you can ignore this email.',
  'reply.subject': 'Re: your request #{n} at {site}',
  'reply.intro': '{agent} answered your request #{n}:',
  'event.claimed': '{name} joined the chat',
  'event.transferred': 'The chat was passed to level {level}',
  'event.passed': 'The chat was passed to a colleague',
  'event.resolved': 'The chat was marked as solved',
  'event.bot_resolved': 'The assistant answered the question',
  'event.ticketed': 'Request #{n} was opened',
};

export type MailKey = keyof typeof en;
type MailStrings = Record<MailKey, string>;

const ar: MailStrings = {
  you: 'أنت',
  visitor: 'الزائر',
  bot: 'المساعد الآلي',
  agent: 'موظف الدعم',
  internalNote: 'ملاحظة داخلية',
  noName: '(بلا اسم)',
  none: '(لا يوجد)',
  conversation: 'المحادثة',
  file: 'ملف',
  footer: 'أُرسلت هذه الرسالة من خدمة الدردشة لدى {site}.',
  'support.subject': '[{site}] تذكرة جديدة رقم #{n}: {reason}',
  'support.intro': 'تحولت محادثة إلى التذكرة رقم #{n}. المحادثة كاملة أدناه، فلا حاجة إلى السؤال مرة أخرى.',
  'support.reason': 'السبب',
  'support.skill': 'المهارة',
  'support.level': 'المستوى',
  'support.visitor': 'الزائر',
  'support.email': 'البريد الإلكتروني',
  'support.note': 'ملاحظة',
  'support.pages': 'الصفحات التي زارها',
  'support.console': 'افتح لوحة الدعم',
  'reason.followup': 'طلب موظف الدعم متابعة',
  'reason.no_agent': 'لم يكن أحد متاحًا',
  'reason.max_wait': 'طال الانتظار',
  'reason.outside_hours': 'خارج ساعات العمل',
  'reason.abandoned': 'غادر الزائر المحادثة',
  'ticket.subject': 'طلبك رقم #{n} لدى {site}',
  'ticket.intro':
    'شكرًا لتواصلك مع {site}. فتحنا لك الطلب رقم #{n} وسنرد عليك بالبريد الإلكتروني. هذه محادثتك حتى الآن.',
  'transcript.subject': 'محادثتك مع {site}',
  'transcript.intro':
    'هذا نص محادثتك مع {site}، كما طلبته في نافذة الدردشة لديه. ' +
    'الأسطر المعلَّمة بـ «أنت» هي ما كتبته أنت. إن لم تطلبه، يمكنك تجاهل هذه الرسالة.',
  'reply.subject': 'رد على طلبك رقم #{n} لدى {site}',
  'reply.intro': 'ردّ {agent} على طلبك رقم #{n}:',
  'event.claimed': 'انضم {name} إلى المحادثة',
  'event.transferred': 'نُقلت المحادثة إلى المستوى {level}',
  'event.passed': 'نُقلت المحادثة إلى زميل',
  'event.resolved': 'تم حل المسألة',
  'event.bot_resolved': 'أجاب المساعد الآلي عن السؤال',
  'event.ticketed': 'فُتح الطلب رقم #{n}',
};

const fa: MailStrings = {
  you: 'شما',
  visitor: 'بازدیدکننده',
  bot: 'دستیار خودکار',
  agent: 'پشتیبان',
  internalNote: 'یادداشت داخلی',
  noName: '(بدون نام)',
  none: '(ندارد)',
  conversation: 'گفتگو',
  file: 'فایل',
  footer: 'این ایمیل از سرویس گفتگوی {site} فرستاده شده است.',
  'support.subject': '[{site}] درخواست جدید شماره #{n}: {reason}',
  'support.intro': 'یک گفتگو به درخواست شماره #{n} تبدیل شد. کل گفتگو در ادامه آمده است تا کسی دوباره نپرسد.',
  'support.reason': 'دلیل',
  'support.skill': 'مهارت',
  'support.level': 'سطح',
  'support.visitor': 'بازدیدکننده',
  'support.email': 'ایمیل',
  'support.note': 'یادداشت',
  'support.pages': 'صفحه‌های بازدیدشده',
  'support.console': 'باز کردن کنسول',
  'reason.followup': 'پشتیبان پیگیری خواست',
  'reason.no_agent': 'کسی در دسترس نبود',
  'reason.max_wait': 'انتظار طولانی شد',
  'reason.outside_hours': 'خارج از ساعات کاری',
  'reason.abandoned': 'بازدیدکننده گفتگو را ترک کرد',
  'ticket.subject': 'درخواست شماره #{n} شما در {site}',
  'ticket.intro':
    'از تماس شما با {site} سپاسگزاریم. درخواست شماره #{n} برای شما ثبت شد و از طریق ایمیل پاسخ می‌دهیم. ' +
    'گفتگوی شما تا اینجا در ادامه آمده است.',
  'transcript.subject': 'گفتگوی شما با {site}',
  'transcript.intro':
    'متن گفتگوی شما با {site} که در گفتگوی آن درخواست کردید، در ادامه آمده است. ' +
    'سطرهایی که با «شما» مشخص شده‌اند نوشتهٔ خود شماست. اگر آن را درخواست نکرده‌اید، این ایمیل را نادیده بگیرید.',
  'reply.subject': 'پاسخ به درخواست شماره #{n} شما در {site}',
  'reply.intro': '{agent} به درخواست شماره #{n} شما پاسخ داد:',
  'event.claimed': '{name} به گفتگو پیوست',
  'event.transferred': 'گفتگو به سطح {level} منتقل شد',
  'event.passed': 'گفتگو به یکی از همکاران سپرده شد',
  'event.resolved': 'مسئله حل شد',
  'event.bot_resolved': 'دستیار خودکار به پرسش پاسخ داد',
  'event.ticketed': 'درخواست شماره #{n} ثبت شد',
};

const catalogue: Record<Locale, MailStrings> = { en, ar, fa };

/** One localised string with its `{name}` values filled in (a missing value stays visible). */
export function mailText(locale: Locale, key: MailKey, values: Record<string, string | number> = {}): string {
  return catalogue[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export const hasMailText = (key: string): key is MailKey => key in en;

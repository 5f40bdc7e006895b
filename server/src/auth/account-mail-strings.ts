import type { Locale } from '@cascade/shared';

/** An email about a person's account: an invitation to a site, or a password reset link. */
export type AccountMail =
  | { kind: 'invitation'; site: string; inviter: string; link: string; existingAccount: boolean }
  | { kind: 'reset'; link: string };

type Texts = {
  inviteSubject: (site: string) => string;
  invite: (m: Extract<AccountMail, { kind: 'invitation' }>) => string;
  resetSubject: string;
  reset: (link: string) => string;
};

const texts: Record<Locale, Texts> = {
  en: {
    inviteSubject: (site) => `You are invited to answer chats for ${site}`,
    invite: (m) =>
      `${m.inviter} invites you to join ${m.site} on Cascade.\n\n` +
      (m.existingAccount
        ? `Log in with your account and accept here:\n${m.link}\n`
        : `Choose your name and password here:\n${m.link}\n`) +
      `\nThe link works once and expires in 7 days. If you did not expect it, ignore this email.\n`,
    resetSubject: 'Reset your Cascade password',
    reset: (link) =>
      `Someone asked to reset the password of your Cascade account. Choose a new one here:\n${link}\n\n` +
      `The link works once and expires in one hour; every session of the account ends when it is used. ` +
      `If you did not ask, ignore this email: your password stays as it is.\n`,
  },
  ar: {
    inviteSubject: (site) => `أنت مدعو للرد على المحادثات في ${site}`,
    invite: (m) =>
      `يدعوك ${m.inviter} للانضمام إلى ${m.site} على Cascade.\n\n` +
      (m.existingAccount
        ? `سجّل الدخول بحسابك واقبل الدعوة هنا:\n${m.link}\n`
        : `اختر اسمك وكلمة المرور هنا:\n${m.link}\n`) +
      `\nيعمل الرابط مرة واحدة وتنتهي صلاحيته بعد 7 أيام. إن لم تكن تتوقعه فتجاهل هذه الرسالة.\n`,
    resetSubject: 'إعادة تعيين كلمة مرور Cascade',
    reset: (link) =>
      `طلب أحدهم إعادة تعيين كلمة مرور حسابك في Cascade. اختر كلمة جديدة هنا:\n${link}\n\n` +
      `يعمل الرابط مرة واحدة وتنتهي صلاحيته بعد ساعة، وتنتهي كل جلسات الحساب عند استخدامه. ` +
      `إن لم تطلب ذلك فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.\n`,
  },
  fa: {
    inviteSubject: (site) => `از شما دعوت شده تا به گفتگوهای ${site} پاسخ دهید`,
    invite: (m) =>
      `${m.inviter} شما را به پیوستن به ${m.site} در Cascade دعوت کرده است.\n\n` +
      (m.existingAccount
        ? `با حساب خود وارد شوید و دعوت را اینجا بپذیرید:\n${m.link}\n`
        : `نام و گذرواژهٔ خود را اینجا انتخاب کنید:\n${m.link}\n`) +
      `\nاین پیوند یک بار کار می‌کند و پس از ۷ روز منقضی می‌شود. اگر انتظارش را نداشتید، این ایمیل را نادیده بگیرید.\n`,
    resetSubject: 'بازنشانی گذرواژهٔ Cascade',
    reset: (link) =>
      `کسی خواسته است گذرواژهٔ حساب Cascade شما بازنشانی شود. گذرواژهٔ تازه را اینجا انتخاب کنید:\n${link}\n\n` +
      `این پیوند یک بار کار می‌کند و پس از یک ساعت منقضی می‌شود؛ با استفاده از آن همهٔ نشست‌های حساب پایان می‌یابد. ` +
      `اگر شما نخواسته‌اید، این ایمیل را نادیده بگیرید: گذرواژهٔ شما تغییر نمی‌کند.\n`,
  },
};

/** Subject and body of an account email in the reader's language. */
export function accountMailText(locale: Locale, mail: AccountMail): { subject: string; text: string } {
  const t = texts[locale];
  return mail.kind === 'invitation'
    ? { subject: t.inviteSubject(mail.site), text: t.invite(mail) }
    : { subject: t.resetSubject, text: t.reset(mail.link) };
}

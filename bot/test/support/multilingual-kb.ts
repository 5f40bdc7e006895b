import type { KbEntry } from '@cascade/shared';

const entry = (id: string, skill: string, content: KbEntry['content']): KbEntry => ({
  id,
  skill,
  content,
  related: [],
  updatedAt: 0,
});

/** A small shop's knowledge base in English, Arabic and Persian. */
export const shopKb: KbEntry[] = [
  entry('order-status', 'orders', {
    en: {
      question: 'Where is my order?',
      phrasings: ['track my order', 'order status', 'when will my package arrive'],
      answer: 'You can track your order under My orders.',
    },
    ar: {
      question: 'أين طلبي؟',
      phrasings: ['تتبع الطلب', 'متى يصل طلبي', 'حالة الطلب'],
      answer: 'يمكنك تتبع طلبك من صفحة طلباتي.',
    },
    fa: {
      question: 'سفارش من کجاست؟',
      phrasings: ['پیگیری سفارش', 'وضعیت سفارش من چیست', 'بسته من کی می‌رسد'],
      answer: 'سفارش خود را در بخش سفارش‌های من پیگیری کنید.',
    },
  }),
  entry('reset-password', 'accounts', {
    en: {
      question: 'How do I reset my password?',
      phrasings: ['forgot my password', 'change my password', 'cannot log in'],
      answer: 'Use "Forgot password" on the sign-in page.',
    },
    ar: {
      question: 'كيف أغير كلمة المرور؟',
      phrasings: ['نسيت كلمة المرور', 'إعادة تعيين كلمة السر', 'لا أستطيع تسجيل الدخول'],
      answer: 'استخدم "نسيت كلمة المرور" في صفحة الدخول.',
    },
    fa: {
      question: 'چطور رمز عبورم را عوض کنم؟',
      phrasings: ['رمز عبورم را فراموش کرده‌ام', 'بازیابی رمز عبور', 'نمی‌توانم وارد حسابم شوم'],
      answer: 'در صفحه ورود روی «فراموشی رمز» بزنید.',
    },
  }),
  entry('refund', 'billing', {
    en: {
      question: 'How do I get a refund?',
      phrasings: ['return an item and get my money back', 'refund policy', 'I want my money back'],
      answer: 'Refunds are paid within 5 days of the return.',
    },
    ar: {
      question: 'كيف أسترد أموالي؟',
      phrasings: ['سياسة الاسترجاع', 'استرداد المبلغ', 'أريد إرجاع المنتج'],
      answer: 'يتم رد المبلغ خلال 5 أيام من الإرجاع.',
    },
    fa: {
      question: 'چطور پولم را پس بگیرم؟',
      phrasings: ['بازگرداندن وجه', 'مرجوع کردن کالا', 'سیاست بازپرداخت'],
      answer: 'وجه تا ۵ روز پس از مرجوعی برگردانده می‌شود.',
    },
  }),
  entry('shipping-cost', 'orders', {
    en: {
      question: 'How much is shipping?',
      phrasings: ['delivery fee', 'shipping price', 'do you ship for free'],
      answer: 'Shipping is free over $50.',
    },
  }),
  entry('opening-hours', 'general', {
    en: {
      question: 'What are your opening hours?',
      phrasings: ['when are you open', 'business hours'],
      answer: 'We are open 9:00-17:00, Sunday to Thursday.',
    },
    fa: {
      question: 'ساعت کاری شما چیست؟',
      phrasings: ['کی باز هستید', 'ساعات کاری'],
      answer: 'از ساعت ۹ تا ۱۷، یکشنبه تا پنجشنبه.',
    },
  }),
  entry('data-plan', 'billing', {
    en: {
      question: 'How much is the 50 GB plan?',
      phrasings: ['price of the 50 gig package'],
      answer: 'The 50 GB plan costs $10 a month.',
    },
    fa: {
      question: 'قیمت بسته ۵۰ گیگ چقدر است؟',
      phrasings: ['هزینه بسته ۵۰ گیگابایتی'],
      answer: 'بسته ۵۰ گیگ ماهانه ۱۰ دلار است.',
    },
  }),
];

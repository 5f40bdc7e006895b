import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/language.ts';

describe('detectLanguage', () => {
  it.each([
    ['where is my order?', 'en'],
    ['Hola, ¿dónde está mi pedido?', 'en'],
    ['أين طلبي؟', 'ar'],
    ['كيف يمكنني تغيير كلمة المرور', 'ar'],
    ['هل يمكنني إلغاء الاشتراك؟', 'ar'],
    ['سفارش من کجاست؟', 'fa'],
    ['چطور رمز عبورم را عوض کنم', 'fa'],
    ['می‌خواهم اشتراکم را لغو کنم', 'fa'],
    // Persian typed on an Arabic keyboard: Arabic yeh and kaf, but Persian words.
    ['من ميخواهم سفارشم را پيگيري كنم', 'fa'],
    ['Где мой заказ?', 'ru'],
    ['我的订单在哪里', 'zh'],
    ['注文はどこですか', 'ja'],
  ])('%j is %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('uses the widget language when the text has no letters', () => {
    expect(detectLanguage('12345 ?!', 'fa')).toBe('fa');
    expect(detectLanguage('👍')).toBe('en');
  });

  it('uses the widget language to break a tie between Arabic and Persian', () => {
    expect(detectLanguage('سلام', 'fa')).toBe('fa');
    expect(detectLanguage('سلام', 'ar')).toBe('ar');
  });
});

import { describe, expect, it } from 'vitest';
import { requestsHuman } from '../src/intents/human.ts';

describe('requestsHuman', () => {
  it.each([
    'talk to a person',
    'I want to talk to a human',
    'real human please',
    'agent please',
    'Operator!',
    'representative',
    'can I speak with someone?',
    'connect me to a live agent',
    'get me a human now',
    'I need a real person, this bot is useless',
    'hi, can i chat with customer service',
    "I'd like to speak to a manager",
    'are you there? I want a human',
  ])('English: %j', (text) => {
    expect(requestsHuman(text)).toBe(true);
  });

  it.each([
    'أريد التحدث مع موظف',
    'ممكن أكلم شخص',
    'ابغى اكلم موظف خدمة العملاء',
    'بدي احكي مع حدا من الدعم',
    'حولني لموظف من فضلك',
    'أريد موظف',
    'موظف لو سمحت',
    'عايز اتكلم مع انسان',
  ])('Arabic: %j', (text) => {
    expect(requestsHuman(text)).toBe(true);
  });

  it.each([
    'میخوام با اپراتور صحبت کنم',
    'می‌خوام با اپراتور صحبت کنم',
    'پشتیبان انسانی',
    'لطفا به کارشناس وصلم کنید',
    'میشه با یک نفر حرف بزنم؟',
    'اپراتور لطفا',
    'میخوام با پشتیبانی تماس بگیرم',
  ])('Persian: %j', (text) => {
    expect(requestsHuman(text)).toBe(true);
  });

  it.each([
    'where is my order',
    'how do I add a person to my account',
    'can I transfer money to another person',
    'are you a real person?',
    'am I talking to a bot or a human',
    'are you a bot or a real person please',
    'am i speaking with someone real',
    'who is my manager',
    "I'd like for this person to know my location",
    'how do I change my password',
    'كيف أغير كلمة المرور',
    'كيف أضيف شخص إلى الحساب',
    'رمز عبورم را فراموش کردم',
    'میخوام سفارشم را لغو کنم',
  ])('not a request: %j', (text) => {
    expect(requestsHuman(text)).toBe(false);
  });
});

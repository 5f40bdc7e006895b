import { BotDecision } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { createBot, defaultThresholds } from '../src/index.ts';
import { shopKb } from './support/multilingual-kb.ts';

const bot = createBot(shopKb);

function decide(text: string, locale?: string) {
  const decision = bot.decide(text, locale ? { locale } : undefined);
  // Every decision is a valid protocol message.
  expect(BotDecision.parse(decision)).toEqual(decision);
  return decision;
}

function expectAnswer(text: string, entryId: string, language: string) {
  const d = decide(text);
  expect(d).toMatchObject({ kind: 'answer', entryId, language });
}

describe('a multilingual knowledge base', () => {
  it('answers each language in that language', () => {
    expectAnswer('Where is my order?', 'order-status', 'en');
    expectAnswer('أين طلبي؟', 'order-status', 'ar');
    expectAnswer('سفارش من کجاست؟', 'order-status', 'fa');
    const fa = decide('سفارش من کجاست؟');
    expect(fa.kind === 'answer' && fa.text).toBe('سفارش خود را در بخش سفارش‌های من پیگیری کنید.');
  });

  it('matches Arabic without hamza, with heh for teh marbuta, and with diacritics', () => {
    expectAnswer('كيف اغير كلمه المرور', 'reset-password', 'ar');
    expectAnswer('كَيْفَ أُغَيِّرُ كَلِمَةَ المُرُورِ؟', 'reset-password', 'ar');
    expectAnswer('نسيت كلمة السر', 'reset-password', 'ar');
  });

  it('matches Persian typed with Arabic yeh and kaf, with or without the zero-width non-joiner', () => {
    expectAnswer('چطور رمز عبورم را عوض كنم', 'reset-password', 'fa');
    expectAnswer('رمز عبورم را فراموش کرده ام', 'reset-password', 'fa');
    expectAnswer('رمز عبورم را فراموش کرده‌ام', 'reset-password', 'fa');
    expectAnswer('سفارش من كجاست', 'order-status', 'fa');
  });

  it('matches Persian digits against ASCII digits and back', () => {
    expectAnswer('قیمت بسته 50 گیگ چقدر است', 'data-plan', 'fa');
    expectAnswer('how much is the ۵۰ GB plan', 'data-plan', 'en');
  });

  it('matches English typos and other wordings', () => {
    expectAnswer('wher is my ordr', 'order-status', 'en');
    expectAnswer('how do i rest my pasword', 'reset-password', 'en');
    expectAnswer('how much does delivery cost', 'shipping-cost', 'en');
    expectAnswer('what time do you open', 'opening-hours', 'en');
  });

  it('answers in English when the entry has no text in the question language', () => {
    const d = decide('هزینه ارسال چقدر است shipping price');
    expect(d).toMatchObject({ kind: 'answer', entryId: 'shipping-cost', language: 'en' });
  });

  it('escalates what it does not know, to the general queue when nothing matched at all', () => {
    expect(decide('what is the capital of france')).toMatchObject({ kind: 'escalate', reason: 'unknown' });
    expect(decide('آیا دوچرخه می‌فروشید')).toMatchObject({ kind: 'escalate', reason: 'unknown', language: 'fa' });
    expect(decide('🙂')).toMatchObject({ kind: 'escalate', reason: 'unknown', skill: 'general' });
  });

  it('escalates a request for a person at once, to the queue of what the question is about', () => {
    expect(decide('I want to talk to a person about my refund')).toMatchObject({
      kind: 'escalate',
      reason: 'human_requested',
      skill: 'billing',
      confidence: 1,
    });
    expect(decide('میخوام با اپراتور صحبت کنم')).toMatchObject({
      kind: 'escalate',
      reason: 'human_requested',
      language: 'fa',
    });
    expect(decide('أريد التحدث مع موظف')).toMatchObject({
      kind: 'escalate',
      reason: 'human_requested',
      language: 'ar',
    });
  });

  it('replies to greetings and thanks, but answers a greeting with a question', () => {
    expect(decide('hi!')).toMatchObject({ kind: 'smalltalk', intent: 'greeting', language: 'en' });
    expect(decide('شكرا جزيلا')).toMatchObject({ kind: 'smalltalk', intent: 'thanks', language: 'ar' });
    expect(decide('خداحافظ')).toMatchObject({ kind: 'smalltalk', intent: 'goodbye', language: 'fa' });
    expect(decide('سلام', 'fa')).toMatchObject({ kind: 'smalltalk', intent: 'greeting', language: 'fa' });
    expectAnswer('hi, where is my order', 'order-status', 'en');
    expectAnswer('سلام، سفارش من کجاست؟', 'order-status', 'fa');
  });

  it('suggests up to three entries, with their questions in the visitor language, when partly sure', () => {
    const d = bot.decide('چطور رمز عبورم را عوض کنم', { thresholds: { answer: 1, suggest: 0.01 } });
    expect(d.kind).toBe('suggest');
    if (d.kind !== 'suggest') return;
    expect(d.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(d.suggestions.length).toBeLessThanOrEqual(3);
    expect(d.suggestions[0]).toEqual({ entryId: 'reset-password', question: 'چطور رمز عبورم را عوض کنم؟' });
  });

  it('takes thresholds per site and per call', () => {
    const strict = createBot(shopKb, { thresholds: { answer: 1, suggest: 1 } });
    expect(strict.decide('where is my order')).toMatchObject({ kind: 'escalate', reason: 'unknown' });
    expect(strict.decide('where is my order', { thresholds: defaultThresholds })).toMatchObject({ kind: 'answer' });
  });

  it('gives confidences in [0, 1]', () => {
    for (const text of ['where is my order', 'wher is my ordr', 'bitcoin', 'refund please']) {
      const d = bot.decide(text);
      expect(d.confidence).toBeGreaterThanOrEqual(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('looks up an answer for a picked suggestion, falling back to English', () => {
    expect(bot.answer('refund', 'ar')).toEqual({
      text: 'يتم رد المبلغ خلال 5 أيام من الإرجاع.',
      language: 'ar',
      skill: 'billing',
    });
    expect(bot.answer('shipping-cost', 'fa')).toEqual({
      text: 'Shipping is free over $50.',
      language: 'en',
      skill: 'orders',
    });
    expect(bot.answer('no-such-entry', 'en')).toBeNull();
    expect(bot.size).toBe(shopKb.length);
  });

  it('works with an empty knowledge base and with a single entry', () => {
    const empty = createBot([]);
    expect(empty.decide('where is my order')).toMatchObject({ kind: 'escalate', reason: 'unknown', skill: 'general' });
    expect(empty.decide('hello')).toMatchObject({ kind: 'smalltalk', intent: 'greeting' });
    const one = createBot(shopKb.slice(0, 1));
    expect(one.decide('where is my order')).toMatchObject({ kind: 'answer', entryId: 'order-status' });
    expect(one.decide('what is the capital of france')).toMatchObject({ kind: 'escalate', reason: 'unknown' });
  });
});

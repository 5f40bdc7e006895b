import { describe, expect, it } from 'vitest';
import { readSmalltalk, smalltalkReply } from '../src/intents/smalltalk.ts';
import { normalize } from '../src/normalize.ts';

const read = (text: string) => readSmalltalk(normalize(text));

describe('readSmalltalk', () => {
  it.each([
    ['hi', 'greeting'],
    ['Hello there!', 'greeting'],
    ['good morning', 'greeting'],
    ['مرحبا', 'greeting'],
    ['السلام عليكم', 'greeting'],
    ['سلام', 'greeting'],
    ['وقت بخیر', 'greeting'],
    ['thanks!', 'thanks'],
    ['thank you so much for your help', 'thanks'],
    ['شكرا جزيلا', 'thanks'],
    ['خیلی ممنون', 'thanks'],
    ['مرسی', 'thanks'],
    ['bye', 'goodbye'],
    ['ok thanks, bye!', 'goodbye'],
    ['مع السلامة', 'goodbye'],
    ['خداحافظ', 'goodbye'],
  ])('%j is %s', (text, intent) => {
    expect(read(text)).toEqual({ intent, rest: '' });
  });

  it('treats a greeting followed by a question as the question', () => {
    expect(read('hi, where is my order?')).toEqual({ intent: null, rest: 'where is my order' });
    expect(read('سلام، سفارش من کجاست؟')).toEqual({ intent: null, rest: 'سفارش من کجاست' });
    expect(read('thanks, and how do I get a refund')).toEqual({ intent: null, rest: 'how do i get a refund' });
  });

  it('leaves a plain question alone', () => {
    expect(read('where is my order')).toEqual({ intent: null, rest: 'where is my order' });
  });
});

describe('smalltalkReply', () => {
  it('replies in English, Arabic and Persian, and in English otherwise', () => {
    expect(smalltalkReply('greeting', 'en')).toMatch(/help/);
    expect(smalltalkReply('thanks', 'ar')).toMatch(/[\u0600-\u06ff]/);
    expect(smalltalkReply('goodbye', 'fa')).toMatch(/خدانگهدار/);
    expect(smalltalkReply('goodbye', 'de')).toBe(smalltalkReply('goodbye', 'en'));
  });
});

import type { KbEntry, MissedGroup, MissedQuestion } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { draftFromGroup, phrasingOf, taughtIn, withPhrasing } from '../src/logic/kb-missed.ts';

const question = (text: string, language = 'fa'): MissedQuestion => ({
  conversationId: 'c1',
  text,
  ts: 1,
  language,
  reason: 'escalated',
  agentReply: null,
});
const group = (texts: string[], language = 'fa', agentReply: string | null = 'پاسخ کارشناس'): MissedGroup => ({
  representative: question(texts[0]!, language),
  count: texts.length,
  examples: texts.map((t) => question(t, language)),
  language,
  closestEntryId: null,
  agentReply,
});
const entry: KbEntry = {
  id: 'damaged-item',
  skill: 'general',
  related: ['returns'],
  updatedAt: 5,
  content: {
    en: { question: 'Damaged?', phrasings: ['broken item'], answer: 'Send a photo.' },
    fa: { question: 'کالا آسیب دیده؟', phrasings: [], answer: 'عکس بفرستید.' },
  },
};

describe('turning a missed group into knowledge', () => {
  it('adds the question as a phrasing in the group’s language, keeping everything else', () => {
    expect(withPhrasing(entry, group(['صندلی ترک داشت']))).toEqual({
      id: 'damaged-item',
      skill: 'general',
      related: ['returns'],
      content: { en: entry.content.en, fa: { ...entry.content.fa, phrasings: ['صندلی ترک داشت'] } },
    });
  });

  it('uses the entry’s first language when it lacks the group’s, and adds nothing already there', () => {
    expect(withPhrasing(entry, group(['la chaise est cassée'], 'fr'))?.content.en?.phrasings).toEqual([
      'broken item',
      'la chaise est cassée',
    ]);
    expect(withPhrasing(entry, group(['Broken item'], 'en'))).toBeNull();
  });

  it('drafts a new entry from the question, the other examples and the agent’s reply', () => {
    const form = draftFromGroup(group(['قیمت پایه مبل؟', 'پایه مبل می‌فروشید؟']), 'billing');
    expect(form).toMatchObject({ id: null, skill: 'billing' });
    expect(form.content.fa).toEqual({
      question: 'قیمت پایه مبل؟',
      phrasings: 'پایه مبل می‌فروشید؟',
      answer: 'پاسخ کارشناس',
    });
    expect(form.content.en).toEqual({ question: '', phrasings: '', answer: '' });
    expect(draftFromGroup(group(['Sofa legs?'], 'de', null), 'general').content.en.answer).toBe('');
  });

  it('sends the group’s question, trimmed to a phrasing’s length, in the group’s language', () => {
    expect(phrasingOf(group([`  ${'پ'.repeat(310)} `]), 'demo')).toEqual({
      siteId: 'demo',
      text: 'پ'.repeat(300),
      language: 'fa',
    });
  });

  it('shows a group as taught by the entry that already holds its question', () => {
    expect(taughtIn([entry], group(['صندلی ترک داشت']))).toBeNull();
    const taught = withPhrasing(entry, group(['صندلی ترک داشت']))!;
    const stored = { ...entry, content: taught.content };
    expect(
      taughtIn([{ ...entry, id: 'other', content: { en: entry.content.en! } }, stored], group(['صندلی ترک داشت']))?.id,
    ).toBe('damaged-item');
  });
});

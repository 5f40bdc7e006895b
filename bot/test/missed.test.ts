import type { KbEntry } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { groupQuestions } from '../src/index.ts';

const entry = (id: string, question: string, phrasings: string[], lang = 'en'): KbEntry => ({
  id,
  skill: 'general',
  related: [],
  updatedAt: 0,
  content: { [lang]: { question, phrasings, answer: `answer of ${id}` } },
});

const kb = [
  entry('shipping', 'How long does shipping take?', ['when will my parcel arrive', 'delivery time']),
  entry('returns', 'How do I return an item?', ['can I send it back', 'refund an order']),
];

const texts = (g: { members: { text: string }[] }) => g.members.map((m) => m.text);

describe('grouping the questions the bot missed', () => {
  it('puts rewordings of one question together and keeps other questions apart, largest group first', () => {
    const groups = groupQuestions(
      [
        { text: 'Do you offer a student discount?' },
        { text: 'do you gift wrap orders' },
        { text: 'Is there a discount for students?' },
        { text: 'student discount??' },
      ],
      kb,
    );
    expect(groups.map(texts)).toEqual([
      ['Do you offer a student discount?', 'Is there a discount for students?', 'student discount??'],
      ['do you gift wrap orders'],
    ]);
    expect(groups[0]?.closest).toBeNull();
  });

  it('names the closest knowledge-base entry, and keeps the callers own fields on every member', () => {
    const groups = groupQuestions(
      [
        { text: 'how long until my parcel arrives in Canada', id: 1 },
        { text: 'when does my parcel arrive in canada', id: 2 },
      ],
      kb,
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]?.closest?.entryId).toBe('shipping');
    expect(groups[0]?.members.map((m) => m.id)).toEqual([1, 2]);
    expect([1, 2]).toContain(groups[0]?.representative.id);
  });

  it('groups Arabic and Persian spellings through the bot normaliser (letter forms, ZWNJ, diacritics)', () => {
    const groups = groupQuestions(
      [
        { text: 'هل يوجد خصم للطلاب؟' },
        { text: 'هل يوجَد خصمٌ للطلّاب' },
        { text: 'تخفیف دانشجویی می‌دهید؟' },
        { text: 'تخفيف دانشجویی ميدهيد' },
      ],
      [],
    );
    expect(groups.map((g) => g.members.length)).toEqual([2, 2]);
    expect(texts(groups[0]!)).toEqual(['هل يوجد خصم للطلاب؟', 'هل يوجَد خصمٌ للطلّاب']);
  });

  it('returns nothing for no questions and leaves out text with no words', () => {
    expect(groupQuestions([], kb)).toEqual([]);
    expect(groupQuestions([{ text: '?!' }, { text: '🙂' }], kb)).toEqual([]);
  });

  it('a stricter threshold splits what a looser one merges', () => {
    const qs = [{ text: 'student discount' }, { text: 'discount for teachers' }];
    expect(groupQuestions(qs, [], 0.1)).toHaveLength(1);
    expect(groupQuestions(qs, [], 0.9)).toHaveLength(2);
  });
});

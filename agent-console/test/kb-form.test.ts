import { describe, expect, it } from 'vitest';
import { emptyKbForm, entryTitle, kbFormFromEntry, kbInputFromForm, phrasingLines } from '../src/logic/kb-form.ts';
import { kbEntry } from './fixtures.ts';

describe('the knowledge-base editor form', () => {
  it('turns an entry into fields and back without losing anything', () => {
    const entry = kbEntry({
      content: { ...kbEntry().content, de: { question: 'Wie lange?', phrasings: [], answer: '3 Tage.' } },
    });
    const form = kbFormFromEntry(entry);
    expect(form.content.en.phrasings).toBe('when will it arrive\ndelivery time');
    expect(form.content.fa).toEqual({ question: '', phrasings: '', answer: '' });
    expect(form.other).toEqual({ de: entry.content.de });
    const result = kbInputFromForm(form);
    expect(result).toEqual({
      ok: true,
      input: { id: entry.id, skill: entry.skill, related: entry.related, content: entry.content },
    });
  });

  it('trims, drops blank phrasing lines and leaves out languages left empty', () => {
    const form = emptyKbForm('billing');
    form.content.fa = {
      question: '  بازپرداخت کی انجام می‌شود؟ ',
      phrasings: 'پول من کی برمی‌گردد\n\n  بازپرداخت  \r\n',
      answer: ' ظرف ۵ روز. ',
    };
    const result = kbInputFromForm(form);
    expect(result).toEqual({
      ok: true,
      input: {
        skill: 'billing',
        related: [],
        content: {
          fa: {
            question: 'بازپرداخت کی انجام می‌شود؟',
            phrasings: ['پول من کی برمی‌گردد', 'بازپرداخت'],
            answer: 'ظرف ۵ روز.',
          },
        },
      },
    });
  });

  it('names the language and field that is missing', () => {
    const form = emptyKbForm('general');
    expect(kbInputFromForm(form)).toEqual({ ok: false, problem: { kind: 'noLanguage' } });
    form.content.ar = { question: 'سؤال', phrasings: '', answer: ' ' };
    expect(kbInputFromForm(form)).toEqual({
      ok: false,
      problem: { kind: 'incomplete', language: 'ar', field: 'answer' },
    });
    form.content.ar = { question: '', phrasings: 'صيغة', answer: '' };
    expect(kbInputFromForm(form)).toEqual({
      ok: false,
      problem: { kind: 'incomplete', language: 'ar', field: 'question' },
    });
  });

  it('splits phrasings one per line', () => {
    expect(phrasingLines(' a \n\nb\r\nc ')).toEqual(['a', 'b', 'c']);
  });

  it('titles an entry in the reader’s language, else English, else any', () => {
    expect(entryTitle(kbEntry(), 'ar')).toBe('كم تستغرق مدة التوصيل؟');
    expect(entryTitle(kbEntry(), 'fa')).toBe('How long does delivery take?');
    expect(entryTitle(kbEntry({ content: { de: { question: 'Wie lange?', phrasings: [], answer: 'x' } } }), 'fa')).toBe(
      'Wie lange?',
    );
  });
});

describe('the tags an entry gives the chats it answers', () => {
  const filled = () => {
    const form = emptyKbForm('general');
    form.content.en = { question: 'Hours?', phrasings: '', answer: 'Nine to five.' };
    return form;
  };

  it('reads tags separated by spaces or commas, lower-cased, each once', () => {
    const result = kbInputFromForm({ ...filled(), tags: 'Shipping, delivery،ارسال shipping' });
    expect(result).toMatchObject({ ok: true, input: { tags: ['shipping', 'delivery', 'ارسال'] } });
    expect(kbFormFromEntry(kbEntry({ tags: ['a', 'b'] })).tags).toBe('a b');
  });

  it('leaves the field out when there are none, and names a bad tag', () => {
    const none = kbInputFromForm(filled());
    expect(none.ok && 'tags' in none.input).toBe(false);
    expect(kbInputFromForm({ ...filled(), tags: 'ok <b>' })).toEqual({
      ok: false,
      problem: { kind: 'badTag', tag: '<b>' },
    });
    expect(kbInputFromForm({ ...filled(), tags: 'a b c d e f' })).toEqual({
      ok: false,
      problem: { kind: 'tooManyTags' },
    });
  });
});

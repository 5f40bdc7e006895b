import type { PreChat, Visitor } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { checkPreChat, holdsHandoff } from '../src/waterfall/pre-chat.ts';

const form: PreChat = {
  when: 'before_person',
  fields: [
    { id: 'name', kind: 'name', required: true, label: { en: 'Name', fa: 'نام' } },
    { id: 'phone', kind: 'phone', required: false, label: { en: 'Phone' } },
    { id: 'topic', kind: 'choice', required: false, label: { en: 'Topic' }, options: ['Orders', 'Returns'] },
  ],
};

describe('pre-chat answers', () => {
  it('keeps what was given, labelled in the visitor’s language (or the first the site wrote)', () => {
    expect(checkPreChat(form, { name: ' Sima ', phone: '+98 21 (555) 0101', topic: 'Orders' }, 'fa')).toEqual([
      { field: 'name', kind: 'name', label: 'نام', value: 'Sima' },
      { field: 'phone', kind: 'phone', label: 'Phone', value: '+98 21 (555) 0101' },
      { field: 'topic', kind: 'choice', label: 'Topic', value: 'Orders' },
    ]);
    expect(checkPreChat(form, { name: 'Sima', phone: '' }, 'en')).toHaveLength(1);
  });

  it.each([
    [{}, 'required'],
    [{ name: 'Sima', phone: 'call me' }, 'not valid'],
    [{ name: 'Sima', topic: 'Anything' }, 'not valid'],
    [{ name: 'Sima', age: '40' }, 'no pre-chat field'],
  ])('refuses %j', (answers, message) => {
    expect(() => checkPreChat(form, answers, 'en')).toThrow(message);
  });

  it('holds a handoff only for a form asked before a person that this visitor has not answered', () => {
    const visitor = { verified: false, preChat: undefined } as unknown as Visitor;
    expect(holdsHandoff({ preChat: form }, visitor)).toBe(true);
    expect(holdsHandoff({ preChat: { ...form, when: 'first_message' } }, visitor)).toBe(false);
    expect(holdsHandoff({ preChat: null }, visitor)).toBe(false);
    expect(holdsHandoff({ preChat: form }, { ...visitor, verified: true })).toBe(false);
    expect(holdsHandoff({ preChat: form }, { ...visitor, preChat: [] })).toBe(false);
  });
});

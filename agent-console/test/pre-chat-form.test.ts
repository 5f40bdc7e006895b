import { describe, expect, it } from 'vitest';
import { newPreChatRow, preChatForm, readPreChat } from '../src/logic/pre-chat-form.ts';

describe('the pre-chat settings', () => {
  it('reads back what the site has, and off as none', () => {
    const preChat = {
      when: 'before_person' as const,
      fields: [{ id: 'topic_1', kind: 'choice' as const, required: true, label: { fa: 'موضوع' }, options: ['A', 'B'] }],
    };
    expect(readPreChat(preChatForm(preChat))).toEqual(preChat);
    expect(readPreChat({ ...preChatForm(preChat), on: false })).toBeNull();
  });

  it('gives each new question its own id, and refuses a question with no label', () => {
    const form = preChatForm(null);
    form.on = true;
    form.fields = [newPreChatRow(form)];
    form.fields.push(newPreChatRow(form));
    expect(form.fields.map((f) => f.id)).toEqual(['field_1', 'field_2']);
    expect(readPreChat(form)).toBeUndefined();
    form.fields = form.fields.map((f) => ({ ...f, label: { ...f.label, en: 'Email' } }));
    expect(readPreChat(form)?.fields).toHaveLength(2);
  });
});

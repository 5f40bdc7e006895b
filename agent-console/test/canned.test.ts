import type { CannedReply } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import {
  cannedMatches,
  cannedShortcut,
  cannedValues,
  fillCanned,
  insertCanned,
  slashToken,
} from '../src/logic/canned.ts';

const reply = (
  shortcut: string,
  language: CannedReply['language'],
  text = `${shortcut} in ${language}`,
): CannedReply => ({
  id: `${language}_${shortcut}`,
  shortcut,
  language,
  text,
});

describe('the /shortcut being typed', () => {
  it('is the slash word under the caret, at the start or after a space', () => {
    expect(slashToken('/tha', 4)).toEqual({ start: 0, end: 4, query: 'tha' });
    expect(slashToken('Hi /Ref', 7)).toEqual({ start: 3, end: 7, query: 'ref' });
    expect(slashToken('/', 1)).toEqual({ start: 0, end: 1, query: '' });
  });

  it('takes the rest of the word after the caret too', () => {
    expect(slashToken('/thanks and more', 3)).toEqual({ start: 0, end: 7, query: 'thanks' });
  });

  it('leaves links, fractions and finished words alone', () => {
    expect(slashToken('see https://x.example/help', 26)).toBeNull();
    expect(slashToken('1/2', 3)).toBeNull();
    expect(slashToken('/thanks ', 8)).toBeNull();
    expect(slashToken('no slash', 8)).toBeNull();
  });
});

describe('cannedMatches', () => {
  const replies = [
    reply('thanks', 'en'),
    reply('thanks', 'fa'),
    reply('refund', 'en'),
    reply('thanks-long', 'en'),
    reply('hello', 'fa'),
  ];

  it('offers the shortcuts that start with what was typed, the chat’s language first', () => {
    expect(cannedMatches(replies, 'th', 'fa').map((r) => r.id)).toEqual(['fa_thanks', 'en_thanks', 'en_thanks-long']);
    expect(cannedMatches(replies, 'th', 'en').map((r) => r.id)).toEqual(['en_thanks', 'en_thanks-long', 'fa_thanks']);
    expect(cannedMatches(replies, '', 'en', 2).map((r) => r.id)).toEqual(['en_refund', 'en_thanks']);
    expect(cannedMatches(replies, 'zz', 'en')).toEqual([]);
  });
});

describe('insertCanned', () => {
  it('replaces the shortcut with the reply and puts the caret after it', () => {
    const text = 'Hi /tha, bye';
    const token = slashToken(text, 7);
    expect(token).not.toBeNull();
    expect(insertCanned(text, token!, 'Thank you!')).toEqual({ text: 'Hi Thank you!, bye', caret: 13 });
  });
});

describe('cannedShortcut', () => {
  it('reads what an admin types as a shortcut', () => {
    expect(cannedShortcut(' /Thanks ')).toBe('thanks');
    expect(cannedShortcut('refund-2')).toBe('refund-2');
    expect(cannedShortcut('two words')).toBeNull();
    expect(cannedShortcut('/')).toBeNull();
  });
});

describe('fillCanned', () => {
  const values = cannedValues(
    {
      'visitor.name': 'Lina',
      'visitor.email': null,
      'agent.name': 'Sara',
      'ticket.number': '12',
      'site.name': 'Cedar',
    },
    (variable) => `(${variable})`,
  );

  it('fills every variable, with the fallback where the chat does not know the value', () => {
    expect(fillCanned('Hi {{visitor.name}}, I am {{ agent.name }} of {{site.name}}.', values)).toBe(
      'Hi Lina, I am Sara of Cedar.',
    );
    expect(fillCanned('Ticket #{{ticket.number}} goes to {{visitor.email}}', values)).toBe(
      'Ticket #12 goes to (visitor.email)',
    );
  });

  it('leaves braces that name no variable as they are', () => {
    expect(fillCanned('const x = {{a}}', values)).toBe('const x = {{a}}');
  });
});

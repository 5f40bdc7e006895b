import { describe, expect, it } from 'vitest';
import { ConversationState } from '@cascade/shared';
import { botAnswersInLine, botHearsInLine } from '../src/waterfall/rules.ts';

describe('the bot while a visitor waits in line', () => {
  it('hears the visitor only while the chat is queued', () => {
    const heard = ConversationState.options.filter((state) => botHearsInLine({ state }));
    expect(heard).toEqual(['queued']);
  });

  it('speaks only to answer outright', () => {
    expect(botAnswersInLine({ kind: 'answer' })).toBe(true);
    for (const kind of ['suggest', 'escalate', 'smalltalk'] as const) expect(botAnswersInLine({ kind })).toBe(false);
  });
});

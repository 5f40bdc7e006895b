import type { BotDecision } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { missedQuestions, type TranscriptRow } from '../src/kb/missed-questions.ts';

let ts = 0;
const row = (author: string, text: string, bot: BotDecision | null = null, internal = false): TranscriptRow => ({
  conversationId: 'c1',
  author,
  internal,
  text,
  ts: ++ts,
  bot,
});
const base = { confidence: 0.5, language: 'en', skill: 'general' } as const;
const suggest: BotDecision = { ...base, kind: 'suggest', suggestions: [{ entryId: 'e1', question: 'Q?' }] };
const unknown: BotDecision = { ...base, kind: 'escalate', reason: 'unknown' };
const person: BotDecision = { ...base, kind: 'escalate', reason: 'human_requested' };
const answer: BotDecision = { ...base, kind: 'answer', entryId: 'e1', text: 'A.' };
const hello: BotDecision = { confidence: 1, language: 'en', kind: 'smalltalk', intent: 'greeting' };

describe('the questions of a transcript the bot missed', () => {
  it('takes suggested and escalated questions, with the first public agent reply after each', () => {
    const found = missedQuestions([
      row('visitor', 'hi'),
      row('bot', 'Hello!', hello),
      row('visitor', 'gift wrap?'),
      row('bot', 'Maybe one of these', suggest),
      row('visitor', 'sofa legs?'),
      row('bot', 'Let me find a person', unknown),
      row('agent', 'checking with the warehouse', null, true),
      row('agent', 'Yes, both.'),
      row('agent', 'Anything else?'),
    ]);
    expect(found.map((m) => [m.text, m.reason, m.agentReply])).toEqual([
      ['gift wrap?', 'suggested', 'Yes, both.'],
      ['sofa legs?', 'escalated', 'Yes, both.'],
    ]);
  });

  it('takes an answered question when the visitor then asks for a person, and nothing else', () => {
    const found = missedQuestions([
      row('visitor', 'delivery time?'),
      row('bot', 'Three days.', answer),
      row('visitor', 'talk to a person'),
      row('bot', 'Connecting you', person),
      row('visitor', 'return policy?'),
      row('bot', '30 days.', answer),
      row('agent', 'Hi, I am Lina'),
    ]);
    expect(found.map((m) => [m.text, m.reason, m.agentReply])).toEqual([
      ['delivery time?', 'person_after_answer', 'Hi, I am Lina'],
    ]);
    expect(missedQuestions([row('visitor', 'a person please'), row('bot', 'Connecting', person)])).toEqual([]);
  });
});

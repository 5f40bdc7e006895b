import { describe, expect, it } from 'vitest';
import { splitBotPart } from '../src/logic/bot-part.ts';
import { annotateTranscript } from '../src/logic/transcript.ts';
import { message } from './fixtures.ts';

const botChat = (exchanges: number) =>
  Array.from({ length: exchanges }, (_, i) => [
    message({ id: `${i}-0`, author: 'visitor', text: `question ${i}` }),
    message({ id: `${i}-1`, author: 'bot', text: `answer ${i}` }),
  ]).flat();

describe('splitBotPart', () => {
  it('folds a long bot exchange, counting messages but not system lines', () => {
    const split = splitBotPart(
      annotateTranscript([
        ...botChat(3),
        message({ id: '7-0', author: 'system', event: 'escalated' }),
        message({ id: '8-0', author: 'system', event: 'claimed', data: { agentName: 'Sara' } }),
        message({ id: '9-0', author: 'agent', agentId: 'a1', text: 'Hi' }),
      ]),
    );
    expect(split.bot.map((i) => i.message.id)).toEqual(['0-0', '0-1', '1-0', '1-1', '2-0', '2-1', '7-0']);
    expect(split.rest.map((i) => i.message.id)).toEqual(['8-0', '9-0']);
    expect(split.botMessages).toBe(6);
    expect(split.startsOpen).toBe(false);
  });

  it('leaves three or fewer bot messages open', () => {
    const split = splitBotPart(
      annotateTranscript([...botChat(1), message({ id: '5-0', author: 'visitor', text: 'a person please' })]),
    );
    expect(split.botMessages).toBe(3);
    expect(split.startsOpen).toBe(true);
  });

  it('has no bot part when an agent was there from the start', () => {
    const split = splitBotPart(
      annotateTranscript([message({ id: '1-0', author: 'system', event: 'claimed' }), message({ id: '2-0' })]),
    );
    expect(split.bot).toEqual([]);
    expect(split.botMessages).toBe(0);
    expect(split.rest).toHaveLength(2);
  });
});

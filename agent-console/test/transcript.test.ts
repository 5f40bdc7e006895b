import { describe, expect, it } from 'vitest';
import { annotateTranscript } from '../src/logic/transcript.ts';
import { message } from './fixtures.ts';

describe('annotateTranscript', () => {
  it("marks the bot's part of the chat until an agent joins", () => {
    const items = annotateTranscript([
      message({ id: '1-0', author: 'visitor', text: 'Where is my order?' }),
      message({ id: '2-0', author: 'bot', text: 'Here is how to track it' }),
      message({ id: '3-0', author: 'system', event: 'escalated' }),
      message({ id: '4-0', author: 'system', event: 'claimed', data: { agentName: 'Sara' } }),
      message({ id: '5-0', author: 'agent', agentId: 'a1', text: 'Hi, Sara here' }),
      message({ id: '6-0', author: 'visitor', text: 'Thanks' }),
    ]);
    expect(items.map((i) => i.beforeAgent)).toEqual([true, true, true, false, false, false]);
    expect(items.map((i) => i.kind)).toEqual(['message', 'message', 'system', 'system', 'message', 'message']);
  });

  it('falls back to the first agent reply when there is no claimed note', () => {
    const items = annotateTranscript([
      message({ id: '1-0', author: 'visitor' }),
      message({ id: '2-0', author: 'agent', agentId: 'a1', internal: true, text: 'note first' }),
      message({ id: '3-0', author: 'agent', agentId: 'a1' }),
      message({ id: '4-0', author: 'visitor' }),
    ]);
    expect(items.map((i) => i.beforeAgent)).toEqual([true, true, false, false]);
    expect(items[1]?.kind).toBe('note');
  });
});

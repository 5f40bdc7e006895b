import { describe, expect, it } from 'vitest';
import { idleSignal, onKeystroke, onStop, TYPING_REPEAT_MS } from '../src/logic/typing-signal.ts';

describe('typing signal', () => {
  it('sends "typing" on the first keystroke and then at most once per interval', () => {
    const first = onKeystroke(idleSignal, 1000);
    expect(first.send).toBe(true);
    const soon = onKeystroke(first.signal, 1000 + TYPING_REPEAT_MS - 1);
    expect(soon.send).toBe(false);
    const later = onKeystroke(soon.signal, 1000 + TYPING_REPEAT_MS);
    expect(later.send).toBe(true);
  });

  it('sends "stopped" once, and only after "typing"', () => {
    expect(onStop(idleSignal).send).toBe(false);
    const typing = onKeystroke(idleSignal, 0).signal;
    const stopped = onStop(typing);
    expect(stopped.send).toBe(true);
    expect(onStop(stopped.signal).send).toBe(false);
  });

  it('starts over after a stop', () => {
    const stopped = onStop(onKeystroke(idleSignal, 0).signal).signal;
    expect(onKeystroke(stopped, 10).send).toBe(true);
  });
});

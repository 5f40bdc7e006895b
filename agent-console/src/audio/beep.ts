/**
 * A short two-tone chime made with WebAudio, so the console ships no sound file.
 * Browsers keep audio suspended until the page is used, so `unlock` runs on the first click or key.
 */
export interface Chime {
  play(): void;
  unlock(): void;
}

export function createChime(): Chime {
  let context: AudioContext | null = null;
  const audio = (): AudioContext | null => {
    if (context) return context;
    if (typeof AudioContext === 'undefined') return null;
    context = new AudioContext();
    return context;
  };
  return {
    unlock() {
      const ctx = audio();
      if (ctx?.state === 'suspended') void ctx.resume();
    },
    play() {
      const ctx = audio();
      if (!ctx || ctx.state !== 'running') return;
      const start = ctx.currentTime;
      tone(ctx, 880, start, 0.09);
      tone(ctx, 1320, start + 0.1, 0.12);
    },
  };
}

function tone(ctx: AudioContext, frequency: number, at: number, length: number): void {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  // A quick fade in and out avoids the click of a square-edged tone.
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(0.15, at + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(at);
  oscillator.stop(at + length + 0.02);
}

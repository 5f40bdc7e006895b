import type { ClientMessage } from './ipc.ts';

type Done = Extract<ClientMessage, { type: 'done' }>;

/** One conversation's two ends: each sends a text that carries its send time. */
export type Pair = { visitor: (text: string) => void; agent: (text: string) => void };

/**
 * The load of the messages benchmark, the same for Cascade and for bare Socket.IO: both ends of
 * every conversation send once per period, spread evenly so that the rate is steady, not in
 * bursts; after a warm-up, the other end's copy of each message stops its clock.
 */
export function steadyLoad(setup: { periodMs: number; warmupMs: number; measureMs: number }) {
  let measuring = false;
  let outstanding = 0;
  let sent = 0;
  let drained: (() => void) | undefined;
  const visitorToAgent: number[] = [];
  const agentToVisitor: number[] = [];

  /** A message reached the other end: `into` is its direction. */
  function received(text: string, into: 'visitorToAgent' | 'agentToVisitor'): void {
    const [tag, at] = text.split(' ');
    if (tag !== 'bench') return;
    if (measuring) (into === 'visitorToAgent' ? visitorToAgent : agentToVisitor).push(performance.now() - Number(at));
    outstanding--;
    if (outstanding === 0) drained?.();
  }

  async function run(pairs: Pair[]): Promise<Done> {
    const timers: NodeJS.Timeout[] = [];
    const send = (fn: (text: string) => void) => () => {
      outstanding++;
      sent++;
      fn(`bench ${performance.now()}`);
    };
    pairs.forEach((pair, i) => {
      const offset = (i / pairs.length) * setup.periodMs;
      const start = (fn: () => void, delay: number) =>
        timers.push(setTimeout(() => timers.push(setInterval(fn, setup.periodMs)), delay));
      start(send(pair.visitor), offset);
      start(send(pair.agent), (offset + setup.periodMs / 2) % setup.periodMs);
    });
    await new Promise((r) => setTimeout(r, setup.warmupMs));
    measuring = true;
    const t0 = performance.now();
    const sentBefore = sent;
    await new Promise((r) => setTimeout(r, setup.measureMs));
    const seconds = (performance.now() - t0) / 1000;
    const sentMeasured = sent - sentBefore;
    for (const t of timers) clearInterval(t);
    // The last messages are still on their way: wait for them, but not forever.
    if (outstanding > 0)
      await Promise.race([new Promise<void>((r) => (drained = r)), new Promise((r) => setTimeout(r, 10_000))]);
    measuring = false;
    return { type: 'done', visitorToAgent, agentToVisitor, sent: sentMeasured, lost: outstanding, seconds };
  }

  return { received, run };
}

import { expect, it } from 'vitest';
import { averageHandleSeconds, estimateWaitSeconds } from '../src/routing/eta.ts';

/** A small deterministic pseudo-random generator (mulberry32), so the simulation repeats exactly. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Result = { estimated: number; actual: number };

/**
 * A contact centre in miniature: chats arrive at random (Poisson), wait in one line, and are
 * taken first come first served by agents who each handle `cap` chats at once; handle
 * times vary (log-normal around `meanHandle`). At enqueue each chat gets the estimate the
 * server would give, from its position, the slots online and the last 50 handle times.
 */
function simulate(opts: {
  agents: number;
  cap: number;
  meanHandle: number;
  load: number;
  chats: number;
  seed: number;
}): Result[] {
  const random = rng(opts.seed);
  const slots = opts.agents * opts.cap;
  const arrivalRate = (opts.load * slots) / opts.meanHandle;
  const sigma = 0.5;
  const handle = () => {
    const u1 = Math.max(random(), 1e-12);
    const u2 = random();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return opts.meanHandle * Math.exp(sigma * z - (sigma * sigma) / 2);
  };

  const busyUntil: number[] = []; // end times of the chats in progress
  const recent: number[] = [];
  const line: { arrived: number; estimate: number }[] = [];
  const results: Result[] = [];
  let clock: number;
  let nextArrival = -Math.log(1 - random()) / arrivalRate;
  let arrived = 0;

  const start = (at: number) => {
    const h = handle();
    busyUntil.push(at + h);
    busyUntil.sort((a, b) => a - b);
    recent.push(h);
    if (recent.length > 50) recent.shift();
  };

  while (results.length < opts.chats) {
    const nextEnd = busyUntil[0] ?? Infinity;
    if (arrived < opts.chats && nextArrival <= nextEnd) {
      clock = nextArrival;
      arrived++;
      nextArrival = clock - Math.log(1 - random()) / arrivalRate;
      if (busyUntil.length < slots && line.length === 0) {
        results.push({ estimated: 0, actual: 0 });
        start(clock);
      } else {
        const estimate = estimateWaitSeconds({
          position: line.length + 1,
          slots,
          avgHandleSeconds: averageHandleSeconds(recent),
        });
        line.push({ arrived: clock, estimate });
      }
    } else {
      clock = nextEnd;
      busyUntil.shift();
      const next = line.shift();
      if (next) {
        results.push({ estimated: next.estimate, actual: clock - next.arrived });
        start(clock);
      }
    }
  }
  return results;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

it('estimates the wait within 30% of the actual wait in a busy steady state', () => {
  const results = simulate({ agents: 10, cap: 3, meanHandle: 300, load: 0.97, chats: 20_000, seed: 7 });
  const steady = results.slice(results.length / 5).filter((r) => r.actual > 0);
  const error = median(steady.map((r) => Math.abs(r.estimated - r.actual)));
  const actual = median(steady.map((r) => r.actual));
  const relative = error / actual;
  console.log(
    JSON.stringify({
      chats: steady.length,
      medianActualWaitSeconds: Math.round(actual),
      medianAbsoluteErrorSeconds: Math.round(error),
      relative: Number(relative.toFixed(3)),
    }),
  );
  expect(steady.length).toBeGreaterThan(1000);
  expect(relative).toBeLessThanOrEqual(0.3);
});

it('gives no wait to a chat that finds a free agent', () => {
  const results = simulate({ agents: 5, cap: 2, meanHandle: 200, load: 0.3, chats: 2_000, seed: 3 });
  expect(results.filter((r) => r.actual === 0).length).toBeGreaterThan(results.length / 2);
});

it('grows the estimate with the place in line and shrinks it with more agents', () => {
  const a = estimateWaitSeconds({ position: 4, slots: 2, avgHandleSeconds: 100 });
  expect(a).toBe(200);
  expect(estimateWaitSeconds({ position: 8, slots: 2, avgHandleSeconds: 100 })).toBeGreaterThan(a);
  expect(estimateWaitSeconds({ position: 4, slots: 8, avgHandleSeconds: 100 })).toBeLessThan(a);
  expect(averageHandleSeconds([])).toBe(240);
});

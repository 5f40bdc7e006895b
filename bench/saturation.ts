import { randomBytes } from 'node:crypto';
import { cleanKeys, startServer, type BenchServer } from './fork.ts';
import { routingCrew } from './routing-load.ts';
import { percentile, redisPingMs, report, round } from './support.ts';

/**
 * Saturation: the highest escalation rate Cascade sustains with escalate→assigned p99 under
 * 50 ms, with one process and with two on the same Redis (visitors and agents spread over
 * both). Rates rise step by step (`BENCH_SATURATION_RATES`), each step `BENCH_STEP_SECONDS`
 * long after a warm-up; a step fails when its p99 passes the limit or the agents fall behind.
 */
const RATES = (process.env.BENCH_SATURATION_RATES ?? '50,100,150,200,250,300,400,500,600,800').split(',').map(Number);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 10);
const P99_LIMIT_MS = 50;
const AGENTS = 100;
/** Enough visitors that none is still busy at its next turn at the highest rate. */
const VISITORS = 1000;

type Step = { rate: number; p50Ms: number; p99Ms: number; keptUp: boolean };

async function saturate(processes: number): Promise<{ sustainedRate: number; steps: Step[] }> {
  const prefix = `bench${randomBytes(4).toString('hex')}`;
  const servers: BenchServer[] = [];
  for (let i = 0; i < processes; i++) servers.push(await startServer('cascade', prefix));
  const crew = await routingCrew(servers, AGENTS, VISITORS);
  await crew.run(200, 50, 200);
  const steps: Step[] = [];
  let sustainedRate = 0;
  for (const rate of RATES) {
    const run = await crew.run(rate * STEP_SECONDS, rate, 0);
    const step = {
      rate,
      p50Ms: round(percentile(run.latencies, 50)),
      p99Ms: round(percentile(run.latencies, 99)),
      keptUp: run.keptUp,
    };
    steps.push(step);
    process.stderr.write(`${processes} process(es): ${JSON.stringify(step)}\n`);
    if (!step.keptUp || step.p99Ms >= P99_LIMIT_MS) break;
    sustainedRate = rate;
  }
  crew.close();
  for (const server of servers) await server.stop();
  await cleanKeys(prefix);
  return { sustainedRate, steps };
}

const one = await saturate(1);
const two = await saturate(2);
const ping = await redisPingMs();
report('saturation', {
  p99LimitMs: P99_LIMIT_MS,
  stepSeconds: STEP_SECONDS,
  sustainedRateOneProcess: one.sustainedRate,
  sustainedRateTwoProcesses: two.sustainedRate,
  scaleOutRatio: one.sustainedRate ? round(two.sustainedRate / one.sustainedRate) : null,
  stepsOneProcess: one.steps,
  stepsTwoProcesses: two.steps,
  redisPingP50Ms: ping.p50,
});
process.exit(0);

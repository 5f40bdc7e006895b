import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { cleanKeys, forkScript, startServer } from './fork.ts';
import { routingCrew } from './routing-load.ts';
import { ownCpuMs, percentile, redisCpuMs, redisPingMs, report, round } from './support.ts';

/**
 * Routing speed: chats escalated at a steady rate from many visitor sockets, handed out by
 * the claim script to 50 agents who resolve each chat as soon as it arrives. Measured from
 * the visitor's escalate request to the agent's `chat:assigned`, over real sockets, against
 * one Cascade process of its own (forked), whose CPU time per chat is reported too. With
 * `BENCH_NEIGHBOUR=1` another process burns one core throughout, as a busy neighbour would.
 * With `BENCH_WORKER=1` the background work (archiving, timers) runs in a worker process of its
 * own, as README's "Scaling out" suggests, and its CPU per chat is reported apart.
 */
const MEASURED = Number(process.env.BENCH_CHATS ?? 2000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const NEIGHBOUR = process.env.BENCH_NEIGHBOUR === '1';
const WORKER = process.env.BENCH_WORKER === '1';
const AGENTS = 50;
const VISITORS = 200;
/** The first chats warm up the JIT and the connections; they are not measured. */
const WARMUP = 200;

const prefix = `bench${randomBytes(4).toString('hex')}`;
const server = await startServer('cascade', prefix, WORKER ? 'web' : 'all');
const worker = WORKER ? await startServer('cascade', prefix, 'worker') : null;
const crew = await routingCrew([server], AGENTS, VISITORS);
const neighbour = NEIGHBOUR ? forkScript('neighbour.ts') : null;

/** The one-minute load average: the figures mean little when the machine is busy with other work. */
const oneMinuteLoad = () => round(loadavg()[0] ?? 0);
const load0 = oneMinuteLoad();
const cpu0 = await server.cpuMs();
const workerCpu0 = (await worker?.cpuMs()) ?? 0;
const redisCpu0 = await redisCpuMs();
const clientCpu0 = ownCpuMs();
const run = await crew.run(WARMUP + MEASURED, RATE, WARMUP);
const cpuMs = (await server.cpuMs()) - cpu0;
const workerCpuMs = ((await worker?.cpuMs()) ?? 0) - workerCpu0;
const clientCpuMs = ownCpuMs() - clientCpu0;
const redisCpu = (await redisCpuMs()) - redisCpu0;
const ping = await redisPingMs();

neighbour?.kill('SIGKILL');
crew.close();
await server.stop();
await worker?.stop();
await cleanKeys(prefix);

const p50 = percentile(run.latencies, 50);
report(NEIGHBOUR ? 'routing-neighbour' : 'routing', {
  chats: run.latencies.length,
  agents: AGENTS,
  neighbour: NEIGHBOUR,
  keptUp: run.keptUp,
  chatsStarted: run.started,
  chatsPerSecond: round(run.started / run.seconds),
  targetRate: RATE,
  enqueueToAssignP50Ms: round(p50),
  enqueueToAssignP99Ms: round(percentile(run.latencies, 99)),
  serverCpuMsPerChat: round(cpuMs / run.started),
  ...(worker ? { workerCpuMsPerChat: round(workerCpuMs / run.started) } : {}),
  // The rest of what each chat costs this machine: the clients' sockets and Redis.
  clientCpuMsPerChat: round(clientCpuMs / run.started),
  redisCpuMsPerChat: round(redisCpu / run.started),
  redisPingP50Ms: ping.p50,
  loadAverage: [load0, oneMinuteLoad()],
  ratioP50ToPing: round(p50 / ping.p50),
});
process.exit(0);

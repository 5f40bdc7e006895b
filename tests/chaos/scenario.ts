import { waitUntil } from '../support/waits.ts';
import { check, type Findings } from './checks.ts';
import { openAgent, openVisitor, type Agent, type Visitor } from './clients.ts';
import { startCluster, type Cluster } from './cluster.ts';
import { hold } from './faults.ts';
import { Ledger } from './ledger.ts';
import { Recovery } from './recovery.ts';
import { printScenario, type Row } from './report.ts';

/** How big a run is: `CHAOS_CHATS` chats, both sides writing every `CHAOS_TICK_MS` with even odds. */
export const CHATS = Number(process.env.CHAOS_CHATS ?? 20);
const TICK_MS = Number(process.env.CHAOS_TICK_MS ?? 1000);
/** Traffic before the fault and after it, before the quiet moment. */
const TRAFFIC_MS = Number(process.env.CHAOS_TRAFFIC_MS ?? 8000);
/** Each wait of the set-up and of the quiet moment; a hundred chats on a busy two-core machine. */
const SETTLE_MS = 120_000;

export type Run = {
  cluster: Cluster;
  visitors: Visitor[];
  agents: Agent[];
  /** Every visitor asks for a person at once; resolves with the first answer. */
  escalateAll(): Promise<void>;
  /** Waits until every chat is with an agent whose console shows it. */
  allAssigned(): Promise<void>;
};

export type Scenario = {
  name: string;
  chats?: number;
  /** Server settings for the scenario (grace, presence period). */
  env?: Record<string, string>;
  /** The visitors ask for a person inside `fault` instead of before the traffic. */
  escalateInFault?: boolean;
  fault(run: Run): Promise<unknown>;
};

/**
 * One chaos run: a fresh cluster (two processes, private AOF Redis, a balancer), `chats`
 * visitors in the widget's client with `chats / 10` agents in the console's, both sides writing;
 * traffic, the fault, more traffic; then a quiet moment and the checks. Everything is stopped
 * and removed at the end, whatever happened.
 */
export async function runScenario(s: Scenario): Promise<{ row: Row; findings: Findings; settled: string[] }> {
  const chats = s.chats ?? CHATS;
  const started = Date.now();
  const cluster = await startCluster(s.env);
  const ledger = new Ledger();
  const recovery = new Recovery();
  const visitors: Visitor[] = [];
  const agents: Agent[] = [];
  let traffic: ReturnType<typeof setInterval> | undefined;
  try {
    const url = cluster.balancer.url;
    const siteKey = cluster.servers[0].siteKey;
    const agentCount = Math.max(2, Math.ceil(chats / 10));
    for (let i = 1; i <= agentCount; i++) {
      const cookie = await cluster.newAgent(`Chaos a${i}`, Math.min(50, chats));
      agents.push(await openAgent(url, cookie, `a${i}`, ledger));
    }
    await waitUntil('every agent console to be online', () => agents.every((a) => a.online()), Boolean);
    for (let i = 1; i <= chats; i++) visitors.push(openVisitor(url, siteKey, `v${i}`, ledger));
    for (const v of visitors) v.write();
    await waitUntil(
      'every visitor to have a conversation with its first message stored',
      () => visitors.every((v) => v.conversationId() && v.pending() === 0),
      Boolean,
      { timeoutMs: SETTLE_MS },
    );
    for (const c of [...visitors, ...agents]) recovery.watch(c.watched);

    const held = () => new Set(agents.flatMap((a) => a.chats()));
    const run: Run = {
      cluster,
      visitors,
      agents,
      async escalateAll() {
        await Promise.race(visitors.map((v) => v.connection.escalate()));
      },
      async allAssigned() {
        await waitUntil(
          'every chat to be with an agent whose console shows it',
          () => {
            // A visitor whose request was lost with its process asks again, as a person would.
            for (const v of visitors)
              if (v.online() && v.store.getState().conversation?.state === 'bot') void v.connection.escalate();
            return held().size;
          },
          (n) => n === chats,
          { timeoutMs: SETTLE_MS, intervalMs: 500 },
        );
      },
    };
    const tick = () => {
      for (const v of visitors) if (Math.random() < 0.5) v.write();
      for (const a of agents) if (Math.random() < 0.5) a.write();
    };
    if (!s.escalateInFault) {
      await run.escalateAll();
      await run.allAssigned();
    }
    traffic = setInterval(tick, TICK_MS);
    await hold(TRAFFIC_MS);
    const detail = await s.fault(run);
    await hold(TRAFFIC_MS);
    clearInterval(traffic);

    // The quiet moment: every message out, every chat where it belongs, every receiver caught up.
    const settled: string[] = [];
    const settle = async (what: string, done: () => boolean | Promise<boolean>) => {
      try {
        await waitUntil(what, done, Boolean, { timeoutMs: SETTLE_MS, intervalMs: 250 });
      } catch (e) {
        settled.push(e instanceof Error ? e.message : String(e));
      }
    };
    const clients = [...visitors, ...agents];
    await settle('every client to be online with its outbox empty', () =>
      clients.every((c) => c.online() && c.pending() === 0),
    );
    await settle('every chat to be with an agent whose console shows it', async () => {
      await run.allAssigned().catch(() => undefined);
      return held().size === chats;
    });
    // The repair sweep and the resyncs may still be at work: check until clean or the time is up.
    let findings = await check(cluster.redis.url, cluster.prefix, visitors, agents, ledger);
    await settle('the checks to come out clean', async () => {
      findings = await check(cluster.redis.url, cluster.prefix, visitors, agents, ledger);
      return clean(findings);
    });
    const row: Row = {
      name: s.name,
      chats,
      messages: findings.messages,
      lost: findings.lost,
      doubled: findings.doubled,
      unseen: findings.unseen,
      outOfOrder: findings.outOfOrder,
      stuck: findings.stuck,
      loadMismatches: findings.loadMismatches,
      ...pick(recovery.summary()),
    };
    printScenario({
      ...row,
      seconds: Math.round((Date.now() - started) / 1000),
      fault: detail ?? null,
      recovery: recovery.summary(),
      requeued: findings.requeued,
      stuckWhy: findings.stuckWhy,
      audit: findings.audit,
      settleTimeouts: settled,
    });
    return { row, findings, settled };
  } finally {
    clearInterval(traffic);
    for (const c of [...visitors, ...agents]) c.close();
    await cluster.dispose();
  }
}

const pick = (r: ReturnType<Recovery['summary']>) => ({
  recoveryP50Ms: r.recoveryP50Ms,
  recoveryMaxMs: r.recoveryMaxMs,
});

const clean = (f: Findings) =>
  f.lost + f.doubled + f.unseen + f.outOfOrder + f.stuck + f.loadMismatches === 0 &&
  f.audit.escalatedEvents.length + f.audit.claimedMismatches.length === 0;

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Core } from '../compose.ts';

/**
 * Cascade's numbers in Prometheus form, one registry per server (tests run several in one
 * process). Counters count what this process saw; gauges read the shared state when scraped.
 */
export function prometheus(core: Core): Registry {
  const registry = new Registry();
  // Process metrics, among them nodejs_eventloop_lag_seconds.
  collectDefaultMetrics({ register: registry });

  new Gauge({
    name: 'cascade_connections',
    help: 'Socket.IO connections open on this process, by namespace',
    labelNames: ['namespace'],
    registers: [registry],
    collect() {
      for (const namespace of ['/visitor', '/agent']) this.set({ namespace }, core.io.of(namespace).sockets.size);
    },
  });

  const messages = new Counter({
    name: 'cascade_messages_total',
    help: 'Chat messages stored by this process: in from visitors, out from agents and the bot',
    labelNames: ['direction', 'author'],
    registers: [registry],
  });
  const decisions = new Counter({
    name: 'cascade_bot_decisions_total',
    help: 'What the bot did with a visitor message: answer, suggest, escalate, smalltalk',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const claimLatency = new Histogram({
    name: 'cascade_claim_latency_seconds',
    help: 'Time from the start of a wait in line to an agent getting the chat',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
    registers: [registry],
  });
  core.events.on((e) => {
    if (e.type === 'message.created') {
      const m = e.message;
      if (m.author === 'system' || m.internal) return Promise.resolve();
      messages.inc({ direction: m.author === 'visitor' ? 'in' : 'out', author: m.author });
      if (m.bot) decisions.inc({ outcome: m.bot.kind });
    } else if (e.type === 'conversation.assigned' && e.waitedSince !== null) {
      const at = e.conversation.assignedAt ?? Date.now();
      claimLatency.observe(Math.max(0, at - e.waitedSince) / 1000);
    }
    return Promise.resolve();
  });

  new Gauge({
    name: 'cascade_waiting_chats',
    help: 'Chats waiting in line, by site, skill and level',
    labelNames: ['site', 'skill', 'level'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const site of await core.redis.sMembers(core.keys.sites)) {
        for (const line of await core.redis.sMembers(core.keys.queueIndex(site))) {
          const [skill = '', level = '0'] = line.split(':');
          const waiting = await core.redis.zRange(core.keys.queue(site, skill, Number(level)), 0, -1);
          this.set({ site, skill, level }, waiting.length);
        }
      }
    },
  });

  new Gauge({
    name: 'cascade_deliveries',
    help: 'Webhook and email jobs on the deliveries queue, by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await core.queues.deliveries.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
      for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
    },
  });

  new Gauge({
    name: 'cascade_redis_rtt_seconds',
    help: 'Round-trip time of a PING to Redis, measured at the scrape',
    registers: [registry],
    async collect() {
      const start = process.hrtime.bigint();
      await core.redis.ping();
      this.set(Number(process.hrtime.bigint() - start) / 1e9);
    },
  });

  return registry;
}

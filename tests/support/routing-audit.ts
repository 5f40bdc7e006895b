import { createClient } from 'redis';
import { REDIS_URL } from './harness.ts';

/** What the store says of one site's chats, read straight from Redis, and what disagrees. */
export type RoutingAudit = {
  /** Conversations by state. */
  states: Record<string, number>;
  /** Waiting (queued or offered a ticket) but in no line and held by no agent: stuck for good. */
  queuedInNoLine: string[];
  /** Agents whose load is not the number of chats whose state says they are theirs. */
  loadMismatches: { agentId: string; load: number; real: number }[];
  /** Slots held for a conversation that is not that agent's. */
  staleSlots: string[];
  /** Chats in a line whose state does not wait. */
  staleLineEntries: string[];
  /** Conversations that reached the line with other than exactly one `escalated` event / system message. */
  escalatedEvents: { conversationId: string; events: number; messages: number }[];
  /** Conversations whose `claimed` events outnumber their `claimed` system messages, or the other way. */
  claimedMismatches: { conversationId: string; events: number; messages: number }[];
};

const waiting = (state: string) => state === 'queued' || state === 'offered_ticket';

/** Audits the site's routing against its conversations' states; every list empty means consistent. */
export async function auditRouting(prefix: string, siteId = 'demo', redisUrl = REDIS_URL): Promise<RoutingAudit> {
  const redis = createClient({ url: redisUrl });
  await redis.connect();
  try {
    const site = `${prefix}:{s:${siteId}}`;
    const convs: {
      id: string;
      state: string;
      agentId: string | null;
      skill: string;
      level: number;
      widened: boolean;
    }[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}:{c:*}:conv`, COUNT: 500 })) {
      for (const key of batch) {
        const h = await redis.hGetAll(key);
        if (JSON.parse(h.siteId ?? 'null') !== siteId) continue;
        convs.push({
          id: JSON.parse(h.id ?? '""') as string,
          state: JSON.parse(h.state ?? '""') as string,
          agentId: JSON.parse(h.agentId ?? 'null') as string | null,
          skill: JSON.parse(h.skill ?? '"general"') as string,
          level: JSON.parse(h.level ?? '1') as number,
          widened: JSON.parse(h.widened ?? 'false') as boolean,
        });
      }
    }
    const assignment = await redis.hGetAll(`${site}:assign`);
    const loads = await redis.hGetAll(`${site}:load`);
    const inLine = new Set<string>();
    for (const line of await redis.sMembers(`${site}:queues`))
      for (const id of await redis.zRange(`${site}:q:${line}`, 0, -1)) inLine.add(id);

    const events = new Map<string, { escalated: number; claimed: number }>();
    for (const e of await redis.xRange(`${site}:events`, '-', '+')) {
      const id = e.message.conversationId ?? '';
      const n = events.get(id) ?? { escalated: 0, claimed: 0 };
      if (e.message.event === 'escalated') n.escalated++;
      if (e.message.event === 'claimed') n.claimed++;
      events.set(id, n);
    }

    const audit: RoutingAudit = {
      states: {},
      queuedInNoLine: [],
      loadMismatches: [],
      staleSlots: [],
      staleLineEntries: [],
      escalatedEvents: [],
      claimedMismatches: [],
    };
    const real = new Map<string, number>();
    const byId = new Map(convs.map((c) => [c.id, c]));
    for (const c of convs) {
      audit.states[c.state] = (audit.states[c.state] ?? 0) + 1;
      if (waiting(c.state) && !inLine.has(c.id) && !assignment[c.id]) audit.queuedInNoLine.push(c.id);
      if (c.state === 'assigned' && c.agentId) real.set(c.agentId, (real.get(c.agentId) ?? 0) + 1);
      if (c.state === 'bot') continue;
      const messages = { escalated: 0, claimed: 0 };
      for (const m of await redis.xRange(`${prefix}:{c:${c.id}}:msgs`, '-', '+')) {
        const event = (JSON.parse(m.message.m ?? '{}') as { event?: string | null }).event;
        if (event === 'escalated') messages.escalated++;
        if (event === 'claimed') messages.claimed++;
      }
      const counted = events.get(c.id) ?? { escalated: 0, claimed: 0 };
      if (counted.escalated !== 1 || messages.escalated !== 1)
        audit.escalatedEvents.push({ conversationId: c.id, events: counted.escalated, messages: messages.escalated });
      if (counted.claimed !== messages.claimed)
        audit.claimedMismatches.push({ conversationId: c.id, events: counted.claimed, messages: messages.claimed });
    }
    for (const agentId of new Set([...Object.keys(loads), ...real.keys()])) {
      const load = Number(loads[agentId] ?? 0);
      const count = real.get(agentId) ?? 0;
      if (load !== count) audit.loadMismatches.push({ agentId, load, real: count });
    }
    for (const [id, agentId] of Object.entries(assignment)) {
      const c = byId.get(id);
      if (!c || c.state !== 'assigned' || c.agentId !== agentId) audit.staleSlots.push(id);
    }
    for (const id of inLine) {
      const c = byId.get(id);
      if (!c || !waiting(c.state)) audit.staleLineEntries.push(id);
    }
    return audit;
  } finally {
    await redis.close();
  }
}

/** Whether the audit found nothing wrong. */
export const consistent = (a: RoutingAudit) =>
  a.queuedInNoLine.length === 0 &&
  a.loadMismatches.length === 0 &&
  a.staleSlots.length === 0 &&
  a.staleLineEntries.length === 0 &&
  a.escalatedEvents.length === 0 &&
  a.claimedMismatches.length === 0;

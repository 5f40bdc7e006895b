import type { Site } from '@cascade/shared';
import type { ConversationStore } from '../store/conversations.ts';
import type { Routing } from '../routing/routing.ts';
import type { Waterfall } from './service.ts';
import { TransitionRecord } from './journal.ts';
import { isWaiting } from './rules.ts';

export type RepairDeps = {
  conversations: ConversationStore;
  routing: Routing;
  /** How long a state change or a claim may stay unfinished before it counts as a dead process's (REPAIR_AFTER_MS). */
  afterMs: number;
};

export type SweepReport = { repaired: number; wrongLoads: number };

/**
 * Puts right what a process that died (kill -9, a lost machine) or hung left half done. A
 * conversation's state is the truth; the routing (lines, slots, loads) is made to agree with
 * it, and transitions written but not carried out are finished, each step at most once:
 *
 * - waiting, claimed by an agent (claim.lua ran, the claim was never written): the claim is
 *   written now; a slot held by the agent it had before (transfer, grace) is given back;
 * - waiting, in no line and nobody's: back at the front of its line;
 * - assigned: its agent's slot holds it and no line does;
 * - anything else: no slot, no line;
 * - every agent's load is recounted from the assignments.
 */
export function repairs(d: RepairDeps, w: Waterfall) {
  /** Repairs one conversation; true when its routing was wrong. */
  async function conversation(site: Site, id: string): Promise<boolean> {
    const found = await d.conversations.get(id);
    const assignee = await d.routing.assignee(site.id, id);
    if (!found) {
      if (assignee) await d.routing.release(site.id, id, assignee);
      return assignee !== null;
    }
    const unfinished = [...(await d.conversations.unfinished(id))].sort(([a], [b]) => a - b);
    for (const [version, raw] of unfinished) {
      const record = TransitionRecord.safeParse(JSON.parse(raw));
      if (record.success) await w.finishRecorded(found, version, record.data);
      else await d.conversations.finished(id, version);
    }
    const c = (await d.conversations.get(id)) ?? found;

    if (isWaiting(c)) {
      if (assignee && (await d.routing.isClaimPending(site.id, id))) {
        await w.writeClaim(site, id, assignee);
        return true;
      }
      const released = assignee !== null && (await d.routing.release(site.id, id, assignee));
      return (await d.routing.requeueIfLost(site.id, c)) || released;
    }
    if (c.state === 'assigned' && c.agentId) {
      await d.routing.dequeueEverywhere(site.id, c);
      return d.routing.adopt(site.id, id, c.agentId);
    }
    await d.routing.dequeueEverywhere(site.id, c);
    return assignee !== null && (await d.routing.release(site.id, id, assignee));
  }

  /**
   * One pass over a site: changes and claims left unfinished for longer than `afterMs`,
   * slots held for chats that are not their agent's, lines holding chats that do not wait.
   */
  async function sweep(site: Site, now = Date.now()): Promise<SweepReport> {
    const before = now - d.afterMs;
    const [stale, staleClaims, assignments, waiting] = await Promise.all([
      w.journal.staleBefore(site.id, before),
      d.routing.claimsBefore(site.id, before),
      d.routing.assignments(site.id),
      d.routing.waiting(site.id),
    ]);
    const suspects = new Set([...stale.map((s) => s.conversationId), ...staleClaims]);
    const fresh = new Set(await d.routing.claimsBefore(site.id, Number.POSITIVE_INFINITY));
    await Promise.all([
      ...Object.entries(assignments).map(async ([id, agentId]) => {
        const c = await d.conversations.get(id);
        const holds = c?.state === 'assigned' && c.agentId === agentId;
        if (!holds && (!fresh.has(id) || staleClaims.includes(id))) suspects.add(id);
      }),
      ...waiting.map(async (id) => {
        const c = await d.conversations.get(id);
        if (!c || !isWaiting(c)) suspects.add(id);
      }),
    ]);
    let repaired = 0;
    for (const id of suspects) if (await conversation(site, id)) repaired++;
    await w.journal.strike(
      site.id,
      stale.map((s) => s.entry),
    );
    const wrongLoads = await d.routing.recount(site.id);
    if (repaired > 0 || wrongLoads > 0) await w.runClaims(site.id, site);
    return { repaired, wrongLoads };
  }

  return { conversation, sweep };
}
export type Repairs = ReturnType<typeof repairs>;

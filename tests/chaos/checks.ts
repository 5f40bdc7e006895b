import { createClient } from 'redis';
import { auditRouting, type RoutingAudit } from '../support/routing-audit.ts';
import type { Agent, Shown, Visitor } from './clients.ts';
import { isAgentName, isVisitorName, parseText, type Ledger } from './ledger.ts';

type Stored = { id: string; clientMsgId: string | null };
type Conversation = { state: string; agentId: string | null };

/** What Redis holds of each conversation: its state and the people's messages in stream order. */
export async function readStore(
  redisUrl: string,
  prefix: string,
  ids: string[],
): Promise<Map<string, { conversation: Conversation; messages: Stored[]; requeued: number }>> {
  const redis = createClient({ url: redisUrl });
  await redis.connect();
  try {
    const out = new Map<string, { conversation: Conversation; messages: Stored[]; requeued: number }>();
    for (const id of ids) {
      const h = await redis.hGetAll(`${prefix}:{c:${id}}:conv`);
      const conversation = {
        state: JSON.parse(h.state ?? '""') as string,
        agentId: JSON.parse(h.agentId ?? 'null') as string | null,
      };
      const messages: Stored[] = [];
      let requeued = 0;
      for (const e of await redis.xRange(`${prefix}:{c:${id}}:msgs`, '-', '+')) {
        const m = JSON.parse(e.message.m ?? '{}') as { author?: string; clientMsgId?: string | null; event?: string };
        if (m.author === 'visitor' || m.author === 'agent')
          messages.push({ id: e.id, clientMsgId: m.clientMsgId ?? null });
        if (m.event === 'requeued') requeued++;
      }
      out.set(id, { conversation, messages, requeued });
    }
    return out;
  } finally {
    await redis.close();
  }
}

/** Out-of-order pairs in what a receiver shows: a writer's message shown after a later one of theirs. */
function outOfOrder(shown: readonly Shown[], from: (writer: string) => boolean): number {
  const last = new Map<string, number>();
  let n = 0;
  for (const m of shown) {
    const p = parseText(m.text);
    if (!p || !from(p.writer)) continue;
    if (p.seq < (last.get(p.writer) ?? 0)) n++;
    else last.set(p.writer, p.seq);
  }
  return n;
}

/** Copies: the same clientMsgId more than once in one list. */
function copies(list: readonly { clientMsgId: string | null }[]): number {
  const seen = new Set<string>();
  let n = 0;
  for (const { clientMsgId } of list) {
    if (!clientMsgId) continue;
    if (seen.has(clientMsgId)) n++;
    seen.add(clientMsgId);
  }
  return n;
}

/** What the checks read of a visitor: their widget's state and what it shows. */
export type VisitorView = Pick<Visitor, 'name' | 'conversationId' | 'shown'> & {
  store: { getState(): { conversation: { state: string } | null } };
};
/** What the checks read of an agent: the chats their console shows as theirs, and what it shows. */
export type AgentView = Pick<Agent, 'id' | 'name' | 'chats' | 'shown'>;

export type Findings = {
  messages: number;
  lost: number;
  doubled: number;
  unseen: number;
  outOfOrder: number;
  stuck: number;
  loadMismatches: number;
  /** Chats put back in line (an agent's grace ran out): shows a hang did what it should. */
  requeued: number;
  /** Which conversations count as stuck, and why. */
  stuckWhy: Record<string, string>;
  audit: RoutingAudit;
};

/**
 * The checks after a quiet moment, from Redis and from the clients: every acked message stored
 * once under its acked id, shown once and in order at the other side, every chat where its state
 * says (a line, its agent's console), every load the agent's real number of chats.
 */
export async function check(
  redisUrl: string,
  prefix: string,
  visitors: readonly VisitorView[],
  agents: readonly AgentView[],
  ledger: Ledger,
) {
  const ids = visitors.map((v) => v.conversationId()).filter((id): id is string => id !== null);
  const store = await readStore(redisUrl, prefix, ids);
  const audit = await auditRouting(prefix, 'demo', redisUrl);
  const f: Findings = {
    messages: ledger.size,
    lost: 0,
    doubled: 0,
    unseen: 0,
    outOfOrder: 0,
    stuck: 0,
    loadMismatches: audit.loadMismatches.length,
    requeued: [...store.values()].reduce((n, c) => n + c.requeued, 0),
    stuckWhy: {},
    audit,
  };
  const stuck = (id: string, why: string) => (f.stuckWhy[id] ??= why);
  for (const id of [...audit.queuedInNoLine, ...audit.staleSlots, ...audit.staleLineEntries]) stuck(id, 'routing');
  const byId = new Map(agents.map((a) => [a.id, a]));

  for (const v of visitors) {
    const id = v.conversationId();
    if (!id) {
      stuck(v.name, 'the widget holds no conversation');
      continue;
    }
    const stored = store.get(id);
    if (!stored) continue;
    // Redis: each acked message once, under the id its ack gave (a copy counts as doubled, not lost).
    const storedIds = new Set(stored.messages.map((m) => `${m.clientMsgId} ${m.id}`));
    for (const acked of ledger.byConversation.get(id)?.values() ?? [])
      if (!storedIds.has(`${acked.clientMsgId} ${acked.id}`)) f.lost++;
    f.doubled += copies(stored.messages);

    // The visitor's widget: every agent message acked, once, in order.
    const shownToVisitor = v.shown();
    const seenByVisitor = new Set(shownToVisitor.map((m) => m.id));
    f.unseen += ledger.dueTo(id, isAgentName).filter((a) => !seenByVisitor.has(a.id)).length;
    f.doubled += copies(shownToVisitor);
    f.outOfOrder += outOfOrder(shownToVisitor, isAgentName);
    const widgetState = v.store.getState().conversation?.state;
    if (widgetState !== stored.conversation.state)
      stuck(id, `the widget shows ${widgetState}, Redis says ${stored.conversation.state}`);

    // The console of the agent who holds it: every visitor message acked, once, in order.
    const { state, agentId } = stored.conversation;
    if (state !== 'assigned' || !agentId) {
      stuck(id, `${state} at the end, with agents online and room to spare`);
      continue;
    }
    const holder = byId.get(agentId);
    const shownToAgent = holder?.chats().includes(id) ? holder.shown(id) : null;
    if (!shownToAgent) {
      stuck(id, `assigned to ${holder?.name ?? agentId}, whose console does not show it`);
      continue;
    }
    const seenByAgent = new Set(shownToAgent.map((m) => m.id));
    f.unseen += ledger.dueTo(id, isVisitorName).filter((a) => !seenByAgent.has(a.id)).length;
    f.doubled += copies(shownToAgent);
    f.outOfOrder += outOfOrder(shownToAgent, isVisitorName);
  }
  // No console keeps showing, as its own, a chat Redis gives to someone else.
  for (const a of agents)
    for (const id of a.chats()) {
      const c = store.get(id)?.conversation;
      if (c && (c.state !== 'assigned' || c.agentId !== a.id))
        stuck(id, `${a.name}'s console still shows it as theirs`);
    }
  f.stuck = Object.keys(f.stuckWhy).length;
  return f;
}

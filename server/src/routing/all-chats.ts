import type { AllChats, ChatRow, Conversation, Message, Site } from '@cascade/shared';
import type { Routing } from './routing.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { VisitorStore } from '../store/visitors.ts';
import type { AgentStore } from '../store/agents.ts';
import type { MessageStore } from '../store/messages.ts';
import type { SiteStore } from '../store/sites.ts';
import { slaClocks } from './sla.ts';
import { ratingRisk } from './risk.ts';

export type AllChatsDeps = {
  sites: Pick<SiteStore, 'get'>;
  routing: Pick<Routing, 'waiting' | 'assignments'>;
  conversations: Pick<ConversationStore, 'get'>;
  visitors: Pick<VisitorStore, 'get'>;
  agents: Pick<AgentStore, 'card'>;
  messages: Pick<MessageStore, 'recent'>;
};

/** How far back a chat is read for its unanswered messages and the visitor's words. */
const RECENT = 20;

/** The visitor's first message since the last reply a visitor could read; null when none waits. */
export function awaitingReplySince(recentNewestFirst: Message[]): number | null {
  let since: number | null = null;
  for (const m of recentNewestFirst) {
    if (m.author === 'agent' && !m.internal) break;
    if (m.author === 'visitor') since = m.ts;
  }
  return since;
}

/** Seconds in line so far (waiting) or before the agent took it (assigned). */
function waitSeconds(c: Conversation, now: number): number | null {
  if (c.state === 'assigned') {
    return c.assignedAt !== null && c.queuedAt !== null ? Math.round((c.assignedAt - c.queuedAt) / 1000) : null;
  }
  const since = c.waitingSince ?? c.queuedAt;
  return since === null ? null : Math.max(0, Math.round((now - since) / 1000));
}

/** One chat's row: who, where it stands, its SLA clocks and rating risk. */
export async function chatRow(d: AllChatsDeps, site: Site, c: Conversation, now: number): Promise<ChatRow> {
  const [visitor, recent, card] = await Promise.all([
    d.visitors.get(c.siteId, c.visitorId),
    d.messages.recent(c.id, RECENT),
    c.agentId ? d.agents.card(c.agentId) : null,
  ]);
  const awaiting = awaitingReplySince(recent);
  const wait = waitSeconds(c, now);
  return {
    conversation: c,
    visitorName: visitor?.name ?? null,
    agent: c.agentId && card ? { id: c.agentId, name: card.name } : null,
    lastMessage: recent[0] ?? null,
    waitSeconds: wait,
    clocks: slaClocks(site.slaPolicies, site.businessHours, { conversation: c, awaitingReplySince: awaiting }, now),
    risk: ratingRisk({
      waitSeconds: c.state === 'assigned' ? null : wait,
      maxWaitSeconds: site.maxWaitSeconds,
      awaitingReplySince: c.state === 'assigned' ? awaiting : null,
      visitorTexts: recent.filter((m) => m.author === 'visitor').map((m) => m.text),
      now,
    }),
  };
}

/** Every open conversation of the site with an agent or in line, longest waiting first. */
export async function openConversations(d: AllChatsDeps, siteId: string): Promise<Conversation[]> {
  const [waiting, assigned] = await Promise.all([d.routing.waiting(siteId), d.routing.assignments(siteId)]);
  const ids = [...new Set([...waiting, ...Object.keys(assigned)])];
  const convs = await Promise.all(ids.map((id) => d.conversations.get(id)));
  return convs
    .filter((c): c is Conversation => c !== null && c.siteId === siteId)
    .sort((a, b) => (a.queuedAt ?? a.createdAt) - (b.queuedAt ?? b.createdAt));
}

/** The supervisor's all-chats list of a site. */
export async function allChats(d: AllChatsDeps, siteId: string): Promise<AllChats> {
  const site = await d.sites.get(siteId);
  if (!site) return { siteId, chats: [] };
  const now = Date.now();
  const convs = await openConversations(d, siteId);
  return { siteId, chats: await Promise.all(convs.map((c) => chatRow(d, site, c, now))) };
}

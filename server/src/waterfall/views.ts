import type { ChatSummary, Conversation, ConversationView, QueueStatus, Site } from '@cascade/shared';
import { averageHandleSeconds, estimateWaitSeconds } from '../routing/eta.ts';
import { availability } from '../routing/availability.ts';
import { canRate, isWaiting } from './rules.ts';
import type { Routing } from '../routing/routing.ts';
import type { AgentStore } from '../store/agents.ts';
import type { VisitorStore } from '../store/visitors.ts';
import type { SiteStore } from '../store/sites.ts';
import type { MessageStore } from '../store/messages.ts';
import { transcriptAddresses } from '../delivery/transcript-request.ts';
import type { Config } from '../config.ts';
import { asksCsat, npsRefusal } from './nps.ts';
import { replyDueAt } from '../routing/reply-promise.ts';

export type ViewDeps = {
  /** Without SMTP there is no transcript to offer. */
  config: Pick<Config, 'SMTP_URL'>;
  routing: Routing;
  agents: AgentStore;
  visitors: VisitorStore;
  sites: SiteStore;
  messages: MessageStore;
};

const lineOf = (c: Conversation) => `${c.widened ? '*' : c.skill}:${c.level}`;

/** What the estimate of a line needs: eligible agents online, the chats they hold at once, the average handle time. */
export type LineFacts = { agents: number; slots: number; avg: number };

/** Reads a line's facts: `skill` is the chats' own skill, whose recent handle times count. */
export async function lineFacts(
  d: { routing: Pick<Routing, 'capacity' | 'recentHandleTimes'> },
  site: Site,
  line: { skill: string; level: number; widened: boolean },
): Promise<LineFacts> {
  const [cap, recent] = await Promise.all([
    d.routing.capacity(site.id, line, site.defaultMaxChats),
    d.routing.recentHandleTimes(site.id, line.skill),
  ]);
  return { agents: cap.agents, slots: cap.slots, avg: averageHandleSeconds(recent) };
}

/** The place and honest estimate of the chat at `position` of a line. */
export function placeIn(site: Site, facts: LineFacts, position: number, now: Date): QueueStatus {
  const etaSeconds = estimateWaitSeconds({ position, slots: facts.slots, avgHandleSeconds: facts.avg });
  const reach = availability({
    hours: site.businessHours,
    now,
    eligibleAgents: facts.agents,
    etaSeconds,
    horizonSeconds: site.maxWaitSeconds,
  });
  return { position, etaSeconds, ...reach };
}

/**
 * Place in line and an honest estimate for each waiting chat; capacity is read once per line. The
 * estimate counts only when someone eligible can take the chat within the site's wait limit.
 */
export async function queueViews(d: ViewDeps, site: Site, chats: Conversation[]): Promise<ConversationView[]> {
  const now = new Date();
  const lines = new Map<string, Promise<LineFacts>>();
  const factsOf = (c: Conversation) => {
    let facts = lines.get(lineOf(c));
    if (!facts) {
      facts = lineFacts(d, site, c);
      lines.set(lineOf(c), facts);
    }
    return facts;
  };
  return Promise.all(
    chats.map(async (c) => {
      let queue: QueueStatus | null = null;
      if (isWaiting(c)) {
        const [position, facts] = await Promise.all([d.routing.position(site.id, c), factsOf(c)]);
        if (position !== null) queue = placeIn(site, facts, position, now);
      }
      return placedView(d, site, c, queue);
    }),
  );
}

/**
 * The visitor's view of a chat at this place in line; when the email form shows on a site that
 * promises a reply, it says by when. Every push of a waiting chat is built here, so that a later
 * push of the same version never drops the promise an earlier one made.
 */
export async function placedView(
  d: ViewDeps,
  site: Site,
  c: Conversation,
  queue: QueueStatus | null,
): Promise<ConversationView> {
  const view = await withPlace(d, c, queue);
  const offered = c.state === 'offered_ticket' || queue?.available === false;
  const replyBy = offered ? replyDueAt(site, c) : null;
  return replyBy === null ? view : { ...view, replyBy };
}

/** The visitor's view of a chat with this place in line (null: not in line). */
export async function withPlace(d: ViewDeps, c: Conversation, queue: QueueStatus | null): Promise<ConversationView> {
  const agent = c.state === 'assigned' && c.agentId ? await d.agents.card(c.agentId) : null;
  return {
    id: c.id,
    state: c.state,
    // Pushes can overtake each other (a queue announcement read before a claim): the widget keeps the newest.
    version: c.version,
    queue,
    agent,
    ticketNumber: c.ticketNumber,
    canRate: canRate(c),
    ...(c.seenByAgent ? { seenByAgent: c.seenByAgent } : {}),
    ...(c.handoffHeld && c.state === 'bot' ? { preChatFirst: true } : {}),
  };
}

const ended = (c: Conversation) => c.state === 'resolved' || c.state === 'ticketed' || c.state === 'abandoned';

/** Once the chat ends, the widget offers the transcript to the addresses it may go to, if mail can be sent at all. */
async function endView(d: ViewDeps, c: Conversation): Promise<ConversationView> {
  const [v, visitor, site] = await Promise.all([
    withPlace(d, c, null),
    d.visitors.get(c.siteId, c.visitorId),
    d.sites.get(c.siteId),
  ]);
  // A ticket is answered at the visitor's stored address (tickets/create.ts); without one it cannot be.
  const noContact = c.state === 'ticketed' && c.ticketNumber !== null && !visitor?.email;
  return {
    ...v,
    canRate: v.canRate && (!site || asksCsat(site)),
    ...(site && visitor && npsRefusal(site, visitor, c, Date.now()) === null ? { canNps: true } : {}),
    transcriptTo: visitor ? transcriptAddresses(c, visitor) : [],
    transcriptMail: Boolean(d.config.SMTP_URL),
    ...(noContact ? { ticketNoContact: true } : {}),
  };
}

/** The visitor's view: state, place in line with an honest estimate, who is helping. */
export async function visitorView(d: ViewDeps, c: Conversation): Promise<ConversationView> {
  if (ended(c)) return endView(d, c);
  if (!isWaiting(c)) return withPlace(d, c, null);
  const site = await d.sites.get(c.siteId);
  if (!site) return withPlace(d, c, null);
  const [v] = await queueViews(d, site, [c]);
  return v ?? withPlace(d, c, null);
}

export async function chatSummary(d: ViewDeps, c: Conversation): Promise<ChatSummary | null> {
  const [visitor, lastMessage] = await Promise.all([d.visitors.get(c.siteId, c.visitorId), d.messages.last(c.id)]);
  if (!visitor) return null;
  return { conversation: c, visitor, lastMessage };
}

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

/**
 * Place in line and an honest estimate for each waiting chat; capacity is read once per line. The
 * estimate counts only when someone eligible can take the chat within the site's wait limit.
 */
export async function queueViews(d: ViewDeps, site: Site, chats: Conversation[]): Promise<ConversationView[]> {
  const now = new Date();
  const lines = new Map<string, Promise<{ agents: number; slots: number; avg: number }>>();
  const lineFacts = (c: Conversation) => {
    let facts = lines.get(lineOf(c));
    if (!facts) {
      facts = Promise.all([
        d.routing.capacity(site.id, c, site.defaultMaxChats),
        d.routing.recentHandleTimes(site.id, c.skill),
      ]).then(([cap, recent]) => ({ agents: cap.agents, slots: cap.slots, avg: averageHandleSeconds(recent) }));
      lines.set(lineOf(c), facts);
    }
    return facts;
  };
  return Promise.all(
    chats.map(async (c) => {
      let queue: QueueStatus | null = null;
      if (isWaiting(c)) {
        const [position, facts] = await Promise.all([d.routing.position(site.id, c), lineFacts(c)]);
        if (position !== null) {
          const etaSeconds = estimateWaitSeconds({ position, slots: facts.slots, avgHandleSeconds: facts.avg });
          const reach = availability({
            hours: site.businessHours,
            now,
            eligibleAgents: facts.agents,
            etaSeconds,
            horizonSeconds: site.maxWaitSeconds,
          });
          queue = { position, etaSeconds, ...reach };
        }
      }
      return view(d, c, queue);
    }),
  );
}

async function view(d: ViewDeps, c: Conversation, queue: QueueStatus | null): Promise<ConversationView> {
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
  };
}

const ended = (c: Conversation) => c.state === 'resolved' || c.state === 'ticketed' || c.state === 'abandoned';

/** Once the chat ends, the widget offers the transcript to the addresses it may go to, if mail can be sent at all. */
async function endView(d: ViewDeps, c: Conversation): Promise<ConversationView> {
  const [v, visitor] = await Promise.all([view(d, c, null), d.visitors.get(c.siteId, c.visitorId)]);
  // A ticket is answered at the visitor's stored address (tickets/create.ts); without one it cannot be.
  const noContact = c.state === 'ticketed' && c.ticketNumber !== null && !visitor?.email;
  return {
    ...v,
    transcriptTo: visitor ? transcriptAddresses(c, visitor) : [],
    transcriptMail: Boolean(d.config.SMTP_URL),
    ...(noContact ? { ticketNoContact: true } : {}),
  };
}

/** The visitor's view: state, place in line with an honest estimate, who is helping. */
export async function visitorView(d: ViewDeps, c: Conversation): Promise<ConversationView> {
  if (ended(c)) return endView(d, c);
  if (!isWaiting(c)) return view(d, c, null);
  const site = await d.sites.get(c.siteId);
  if (!site) return view(d, c, null);
  const [v] = await queueViews(d, site, [c]);
  return v ?? view(d, c, null);
}

export async function chatSummary(d: ViewDeps, c: Conversation): Promise<ChatSummary | null> {
  const [visitor, lastMessage] = await Promise.all([d.visitors.get(c.siteId, c.visitorId), d.messages.last(c.id)]);
  if (!visitor) return null;
  return { conversation: c, visitor, lastMessage };
}

import {
  CascadeError,
  type Agent,
  type AllChats,
  type ChatViewers,
  type Conversation,
  type InboxGlance,
  type TakeOver,
} from '@cascade/shared';
import type { AgentStore } from '../store/agents.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { SiteStore } from '../store/sites.ts';
import type { UnreadStore } from '../store/unread.ts';
import type { ViewerStore } from '../store/viewers.ts';
import type { ListInterest } from '../store/list-interest.ts';
import type { Routing } from '../routing/routing.ts';
import { allChats, awaitingReplySince, type AllChatsDeps } from '../routing/all-chats.ts';
import { slaClocks } from '../routing/sla.ts';
import type { Notifier } from './notifier.ts';
import type { Views } from './view-port.ts';
import type { Waterfall } from './service.ts';

export type SupervisionDeps = AllChatsDeps & {
  agents: Pick<AgentStore, 'get' | 'card'>;
  sites: Pick<SiteStore, 'get'>;
  conversations: Pick<ConversationStore, 'get'>;
  routing: Pick<Routing, 'reassign' | 'waiting' | 'assignments'>;
  views: Pick<Views, 'chatSummary'>;
  notify: Pick<Notifier, 'toAgent' | 'agentConnected' | 'toChatWatchers'>;
  viewers: ViewerStore;
  interest: Pick<ListInterest, 'want'>;
  unread?: Pick<UnreadStore, 'add'>;
};

/** How far back a chat is read for the visitor's unanswered messages (as the all-chats list does). */
const RECENT = 20;

const roleIn = (agent: Agent, siteId: string) => agent.memberships.find((m) => m.siteId === siteId)?.role ?? null;

/** A supervisor or admin of the site; anyone else is told the site or chat does not exist. */
function supervisorOf(agent: Agent, siteId: string): void {
  const role = roleIn(agent, siteId);
  if (role === null) throw new CascadeError('not_found', 'no such site');
  if (role === 'agent') throw new CascadeError('forbidden', 'supervisors and admins only');
}

/** What supervisors do beyond an agent's work: see every chat, step into one, and see who else looks. */
export function supervision(d: SupervisionDeps, w: Pick<Waterfall, 'apply' | 'touchBoard'>) {
  async function chatOf(agent: Agent, conversationId: string): Promise<Conversation> {
    const c = await d.conversations.get(conversationId);
    if (!c || roleIn(agent, c.siteId) === null) throw new CascadeError('not_found', 'no such chat');
    return c;
  }

  async function tellViewers(conversationId: string, agentId: string | null): Promise<ChatViewers> {
    const viewers = { conversationId, viewers: await d.viewers.of(conversationId) };
    d.notify.toChatWatchers(conversationId, null, 'chat:viewers', viewers);
    // The chat's agent hears it even without the chat open, so the inbox can show it.
    if (agentId) d.notify.toAgent(agentId, 'chat:viewers', viewers);
    return viewers;
  }

  return {
    /** The site's open chats; asking also keeps the list pushed as it changes (`chats:update`). */
    async list(agent: Agent, siteId: string): Promise<AllChats> {
      supervisorOf(agent, siteId);
      await d.interest.want(siteId);
      return allChats(d, siteId);
    },

    /**
     * Gives an assigned chat to `input.agentId` (or the supervisor): the slot moves atomically
     * (reassign.lua: still the same agent's, a free slot under the new agent's cap), then the
     * conversation; the visitor reads that the new agent joined and nothing else.
     */
    async takeOver(agent: Agent, input: TakeOver): Promise<Conversation> {
      const c = await chatOf(agent, input.conversationId);
      supervisorOf(agent, c.siteId);
      if (c.state !== 'assigned' || !c.agentId) throw new CascadeError('invalid_state', `the chat is ${c.state}`);
      const toId = input.agentId ?? agent.id;
      const to = toId === agent.id ? agent : await d.agents.get(toId);
      if (!to || !to.active || roleIn(to, c.siteId) === null)
        throw new CascadeError('invalid_payload', 'no such agent on this site');
      if (to.id !== agent.id && !(await d.notify.agentConnected(to.id)))
        throw new CascadeError('invalid_state', `${to.name} is not connected`);
      const site = await d.sites.get(c.siteId);
      if (!site) throw new CascadeError('not_found', 'no such chat');
      const from = c.agentId;
      const moved = await d.routing.reassign(site.id, c.id, from, to.id, site.defaultMaxChats);
      if (moved === 'moved') throw new CascadeError('conflict', 'the chat has just changed hands; look again');
      if (moved === 'same') throw new CascadeError('invalid_state', `${to.name} has this chat already`);
      if (moved === 'full') throw new CascadeError('invalid_state', `${to.name} is at their chat limit`);
      try {
        const summary = d.views.chatSummary({ ...c, agentId: to.id });
        summary.catch(() => {});
        const taken = await w.apply(c, { type: 'take_over', agentId: to.id }, agent.id, {
          site,
          onApplied: async (updated) => {
            const s = await summary;
            await d.unread?.add(to.id, c.id);
            if (s) d.notify.toAgent(to.id, 'chat:assigned', { ...s, conversation: updated });
          },
        });
        w.touchBoard(site.id);
        return taken;
      } catch (e) {
        // The conversation still names the first agent: the slot goes back to them.
        const now = await d.conversations.get(c.id);
        if (now?.agentId === from) await d.routing.reassign(site.id, c.id, to.id, from, Number.MAX_SAFE_INTEGER);
        throw e;
      }
    },

    /**
     * The SLA clocks of chats in an agent's inbox and who else has each open; chats of sites the
     * agent is not a member of are left out, as if they did not exist.
     */
    async glance(agent: Agent, conversationIds: string[]): Promise<InboxGlance> {
      const now = Date.now();
      const glance: InboxGlance = { clocks: {}, viewers: {} };
      await Promise.all(
        [...new Set(conversationIds)].map(async (id) => {
          const c = await d.conversations.get(id);
          if (!c || roleIn(agent, c.siteId) === null) return;
          const [site, recent, viewers] = await Promise.all([
            d.sites.get(c.siteId),
            d.messages.recent(c.id, RECENT),
            d.viewers.of(c.id),
          ]);
          const facts = { conversation: c, awaitingReplySince: awaitingReplySince(recent) };
          glance.clocks[id] = site ? slaClocks(site.slaPolicies, site.businessHours, facts, now) : [];
          glance.viewers[id] = viewers;
        }),
      );
      return glance;
    },

    /** Opens or closes a chat in one console tab; everyone looking at it learns who is there. */
    async watch(agent: Agent, socketId: string, conversationId: string, watching: boolean): Promise<ChatViewers> {
      const c = await chatOf(agent, conversationId);
      if (watching) await d.viewers.add(c.id, socketId, { id: agent.id, name: agent.name });
      else await d.viewers.remove(c.id, socketId);
      return tellViewers(c.id, c.agentId);
    },

    /** A console tab went away: it no longer has any chat open. */
    async leaveAll(socketId: string, conversationIds: string[]): Promise<void> {
      for (const id of conversationIds) {
        await d.viewers.remove(id, socketId);
        const c = await d.conversations.get(id);
        await tellViewers(id, c?.agentId ?? null);
      }
    },
  };
}
export type Supervision = ReturnType<typeof supervision>;

import {
  CascadeError,
  type Agent,
  type AgentSend,
  type AgentStatus,
  type ChatDetail,
  type ChatSummary,
  type Conversation,
  type Transfer,
} from '@cascade/shared';
import type { Config } from '../config.ts';
import { addEvent } from '../store/event-stream.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { TicketStore } from '../store/tickets.ts';
import type { HistoryReader } from '../history/reader.ts';
import type { Notifier } from './notifier.ts';
import type { SendGuard } from '../store/messages.ts';
import type { Waterfall } from './service.ts';
import { chatSummary, visitorView, type ViewDeps } from './views.ts';
import { nobodyCanCome } from './nobody-now.ts';
import { ignoreIfMovedOn } from './moved-on.ts';
import { transferLevel, transferNote, transferRefusal } from './rules.ts';
import { afterCursor, visitorConversations } from '../history/visitor-history.ts';
import { typingThrottle } from '../security/typing-throttle.ts';
import type { StatusTime } from '../store/status-time.ts';
import type { FileRecords } from '../files/records.ts';
import { attachFiles, messageKey } from '../files/attach.ts';

export type AgentActionDeps = ViewDeps & {
  config: Config;
  redis: Redis;
  keys: Keys;
  conversations: ConversationStore;
  tickets: TicketStore;
  history: HistoryReader;
  notify: Notifier;
  statusTime: StatusTime;
  fileRecords: FileRecords;
};

/** What an agent can do. Every step checks that the chat belongs to one of the agent's sites. */
export function agentActions(d: AgentActionDeps, w: Waterfall) {
  const typingSignals = typingThrottle();
  const siteIds = (agent: Agent) => agent.memberships.map((m) => m.siteId);

  /** A chat the agent may see; anything else is "not found", revealing nothing. */
  function maySee(agent: Agent, c: Conversation | null): Conversation {
    if (!c || !siteIds(agent).includes(c.siteId)) throw new CascadeError('not_found', 'no such chat');
    return c;
  }

  /** A chat the agent holds (supervisors and admins may act on any chat of their sites). */
  function holds(agent: Agent, loaded: Conversation | null): Conversation {
    const c = maySee(agent, loaded);
    const role = agent.memberships.find((m) => m.siteId === c.siteId)?.role;
    if (c.agentId !== agent.id && role === 'agent') throw new CascadeError('forbidden', 'this chat is not yours');
    if (c.state !== 'assigned') throw new CascadeError('invalid_state', `the chat is ${c.state}`);
    return c;
  }

  const visible = async (agent: Agent, conversationId: string) =>
    maySee(agent, await d.conversations.get(conversationId));
  const held = async (agent: Agent, conversationId: string) => holds(agent, await d.conversations.get(conversationId));

  async function summaries(ids: string[]): Promise<ChatSummary[]> {
    const out: ChatSummary[] = [];
    for (const id of ids) {
      const c = await d.conversations.get(id);
      const s = c ? await chatSummary(d, c) : null;
      if (s) out.push(s);
    }
    return out;
  }

  return {
    async inbox(agent: Agent): Promise<{ mine: ChatSummary[]; waiting: ChatSummary[] }> {
      const mine: string[] = [];
      const waiting: string[] = [];
      for (const siteId of siteIds(agent)) {
        mine.push(...(await d.routing.chatsOf(siteId, agent.id)));
        waiting.push(...(await d.routing.waiting(siteId)));
      }
      return { mine: await summaries(mine), waiting: await summaries(waiting) };
    },

    /** A live chat from Redis; an ended one that Redis has let go, read-only from PostgreSQL. */
    async open(agent: Agent, conversationId: string): Promise<ChatDetail> {
      const live = await d.conversations.get(conversationId);
      const c = maySee(agent, live ?? (await d.history.conversation(conversationId)));
      const summary = await chatSummary(d, c);
      if (!summary) throw new CascadeError('not_found', 'no such chat');
      const [messages, pages, all] = await Promise.all([
        live ? d.messages.after(c.id, null) : d.history.messages(c.id),
        d.visitors.pages(c.siteId, c.visitorId),
        visitorConversations(d, c.siteId, c.visitorId),
      ]);
      if (!live) summary.lastMessage = messages.at(-1) ?? null;
      const previous = all.filter((p) => p.id !== c.id);
      const tickets = [];
      for (const p of all) {
        const t = p.ticketId ? await d.tickets.get(c.siteId, p.ticketId) : null;
        if (t) {
          const { transcript: _t, pages: _p, history: _h, ...rest } = t;
          tickets.push(rest);
        }
      }
      return { ...summary, messages, pages, previous, tickets };
    },

    async sync(agent: Agent, conversationId: string, after: string | null) {
      if (await d.conversations.get(conversationId)) {
        await visible(agent, conversationId);
        return d.messages.after(conversationId, after);
      }
      maySee(agent, await d.history.conversation(conversationId));
      return afterCursor(await d.history.messages(conversationId), after);
    },

    /**
     * The hot path: a message to a chat the agent holds is checked, counted and stored in one
     * round trip to Redis. Anything else (a supervisor stepping in, a chat that is not theirs)
     * goes through the full check first, which also says what is wrong.
     */
    async send(agent: Agent, input: AgentSend) {
      const claimant = {
        siteIds: siteIds(agent),
        conversationId: input.conversationId,
        visitorId: null,
        internal: input.internal,
      };
      const files = await attachFiles(d.fileRecords, input.attachments, claimant, input.clientMsgId);
      const draft = {
        conversationId: input.conversationId,
        clientMsgId: input.clientMsgId,
        author: 'agent' as const,
        agentId: agent.id,
        authorName: agent.name,
        text: input.text,
        ts: Date.now(),
        internal: input.internal,
        bot: null,
        event: null,
        data: null,
        ...(files ? { attachments: files } : {}),
      };
      const guard = (owner: SendGuard['owner']): SendGuard => ({
        owner,
        states: ['assigned'],
        sites: siteIds(agent),
        sender: `agent:${agent.id}`,
        limit: d.config.RATE_AGENT_MESSAGES_PER_MINUTE,
        windowSeconds: 60,
      });
      let sent = await d.messages.send(draft, guard({ field: 'agentId', id: agent.id }));
      if (sent.kind === 'refused') {
        holds(agent, await d.conversations.get(input.conversationId));
        sent = await d.messages.send(draft, guard(null));
      }
      if (files && sent.kind !== 'stored')
        await d.fileRecords.release(messageKey(input.conversationId, input.clientMsgId));
      if (sent.kind === 'limited') throw new CascadeError('rate_limited', 'you are sending messages very quickly');
      if (sent.kind === 'refused')
        throw new CascadeError('invalid_state', 'the chat has just changed; please send again');
      const { message, isNew, conversation: c, before } = sent;
      // A re-send of a stored message is pushed again: its first push may be what was lost.
      await w.fanOut(message, c, before);
      if (isNew) {
        if (!input.internal && c.firstResponseAt === null) {
          await d.conversations.update(c.id, { firstResponseAt: message.ts });
          await addEvent(d.redis, d.keys, c.siteId, c.id, {
            event: 'first_response',
            agentId: agent.id,
            ts: String(message.ts),
          });
        }
      }
      return message;
    },

    async typing(agent: Agent, conversationId: string, typing: boolean) {
      const c = await held(agent, conversationId);
      typingSignals.push(`${c.id}:agent`, typing, (on) =>
        d.notify.toVisitor(c.siteId, c.visitorId, 'typing', { from: 'agent', typing: on }),
      );
    },

    async resolve(agent: Agent, conversationId: string) {
      return w.apply(await held(agent, conversationId), { type: 'resolve' }, agent.id);
    },

    async followUp(agent: Agent, conversationId: string, note: string) {
      const c = await w.apply(await held(agent, conversationId), { type: 'followup', note }, agent.id);
      const ticket = c.ticketId ? await d.tickets.get(c.siteId, c.ticketId) : null;
      if (!ticket) throw new CascadeError('internal', 'the ticket was not created');
      const { transcript: _t, pages: _p, history: _h, ...summary } = ticket;
      return { conversation: c, ticket: summary };
    },

    async transfer(agent: Agent, input: Transfer) {
      const c = await held(agent, input.conversationId);
      const refused = transferRefusal(c, input.reason);
      if (refused) throw new CascadeError(refused.code, refused.message);
      const site = await d.sites.get(c.siteId);
      const skill = input.skill ?? c.skill;
      if (site && !site.skills.includes(skill)) throw new CascadeError('invalid_payload', `unknown skill "${skill}"`);
      const level = transferLevel(c, input);
      const moved = await w.apply(
        c,
        { type: 'transfer', level, skill, note: transferNote(input.note, input.reason) },
        agent.id,
      );
      // A level with nobody to take it: the visitor hears their place, then is offered the ticket at once.
      const now = (await d.conversations.get(c.id)) ?? moved;
      const reason = site && now.state === 'queued' ? await nobodyCanCome(d, site, now) : null;
      if (reason) {
        d.notify.toVisitor(now.siteId, now.visitorId, 'conversation:update', await visitorView(d, now));
        await w.apply(now, { type: 'offer_ticket', reason }).catch(ignoreIfMovedOn);
      }
      return moved;
    },

    /** Taking a chat from the line by hand, for sites that let agents pick. */
    async pick(agent: Agent, conversationId: string) {
      const c = await visible(agent, conversationId);
      const site = await d.sites.get(c.siteId);
      if (!site || site.assignment !== 'pick')
        throw new CascadeError('invalid_state', 'this site assigns chats automatically');
      const outcome = await d.routing.pick(site.id, c, agent.id, site.defaultMaxChats);
      if (outcome === 'gone') throw new CascadeError('conflict', 'someone else took this chat');
      if (outcome === 'skill') throw new CascadeError('forbidden', 'this chat needs a skill or level you do not have');
      if (outcome === 'full') throw new CascadeError('invalid_state', 'you are at your chat limit');
      try {
        const assigned = await w.apply(c, { type: 'claim', agentId: agent.id }, agent.id);
        await d.routing.claimWritten(site.id, c.id);
        await w.announceQueue(site);
        return assigned;
      } catch (e) {
        // Not if the claim is written already (the repair may have finished it meanwhile).
        const now = await d.conversations.get(c.id);
        if (now?.state !== 'assigned' || now.agentId !== agent.id) await d.routing.release(site.id, c.id, agent.id);
        throw e;
      }
    },

    /** Presence: available (`online`) agents take chats; away, break and busy keep theirs but get no new ones. */
    async setStatus(agent: Agent, status: AgentStatus) {
      for (const siteId of siteIds(agent)) {
        if (status === 'online') await d.routing.setOnline(siteId, agent.id);
        else await d.routing.setOffline(siteId, agent.id);
        await d.statusTime.change(siteId, agent.id, status);
        if (status === 'online') await w.runClaims(siteId);
        w.touchBoard(siteId);
      }
    },
  };
}
export type AgentActions = ReturnType<typeof agentActions>;

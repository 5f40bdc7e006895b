import type { Conversation, ConversationView, Message, Site, Ticket, Visitor } from '@cascade/shared';
import type { DomainEvent } from '../src/events.ts';
import type { ShellDeps } from '../src/waterfall/service.ts';

/**
 * An in-memory world for the waterfall shell (waterfall/service.ts): each fake does what its
 * Redis-backed store promises, as plainly as it can, and writes down what it was asked, so a
 * test reads what the shell did without Redis.
 */

export const site: Site = {
  id: 's1',
  publicKey: 'pk_testtest',
  createdAt: 0,
  name: 'Shop',
  allowedOrigins: [],
  skills: ['general', 'billing'],
  defaultLocale: 'en',
  locales: ['en'],
  theme: { color: '#000000', position: 'right', launcherLabel: {}, greeting: {} },
  maxWaitSeconds: 300,
  widenAfterSeconds: null,
  assignment: 'auto',
  defaultMaxChats: 3,
  autoAwaySeconds: 600,
  businessHours: null,
  botThresholds: { answer: 0.8, suggest: 0.5 },
  requireIdentity: false,
  priorityRules: [],
  sinks: { webhookUrl: null, supportEmail: null, emailVisitors: false },
};

export const visitor: Visitor = {
  id: 'v1',
  siteId: site.id,
  name: null,
  email: null,
  externalId: null,
  verified: false,
  locale: 'en',
  userAgent: null,
  createdAt: 0,
};

export type Push = { to: string; event: string; payload: unknown };

export function fakeWorld() {
  const conversations = new Map<string, Conversation>();
  /** Transitions written and not yet finished, per conversation: version -> record. */
  const pending = new Map<string, Map<number, string>>();
  const stored: Message[] = [];
  const onceKeys = new Map<string, Message>();
  const queue: string[] = [];
  /** Agents with a free slot, in the order routing would pick them. */
  const free: string[] = [];
  /** Conversation -> the agent a claim gave it to (routing's assignment hash). */
  const claimedBy = new Map<string, string>();
  const tickets = new Map<string, Ticket>();
  const currentOfVisitor = new Map<string, string | null>();

  const seen = {
    pushes: [] as Push[],
    events: [] as DomainEvent[],
    released: [] as { conversationId: string; agentId: string }[],
    enqueued: [] as { id: string; priority: number }[],
    dequeued: [] as string[],
    claimWritten: [] as string[],
    /** How often routing was asked for a claim. */
    claimAsks: 0,
    streamEvents: [] as Record<string, string>[],
    started: [] as string[],
    waitTimers: [] as string[],
    boards: [] as string[],
    warnings: [] as string[],
    journalOpen: new Set<string>(),
  };
  const recorded = new Set<string>();
  /** Set by a test to have another writer move the conversation first. */
  let transitionLoses = false;

  const view = (c: Conversation, queued: ConversationView['queue'] = null): ConversationView => ({
    id: c.id,
    state: c.state,
    version: c.version,
    queue: queued,
    agent: null,
    ticketNumber: c.ticketNumber,
    canRate: false,
  });

  const deps: ShellDeps = {
    conversations: {
      get: (id) => Promise.resolve(conversations.get(id) ?? null),
      create: (c) => {
        conversations.set(c.id, c);
        return Promise.resolve();
      },
      discard: (c) => {
        conversations.delete(c.id);
        return Promise.resolve();
      },
      update: (id, patch) => {
        const c = conversations.get(id);
        if (c) conversations.set(id, { ...c, ...patch });
        return Promise.resolve();
      },
      transition: (id, from, patch, record) => {
        const c = conversations.get(id);
        if (!c || c.state !== from || transitionLoses) return Promise.resolve(0);
        const version = c.version + 1;
        conversations.set(id, { ...c, ...patch, version });
        const open = pending.get(id) ?? new Map<number, string>();
        open.set(version, record);
        pending.set(id, open);
        return Promise.resolve(version);
      },
      finished: (id, version) => {
        pending.get(id)?.delete(version);
        return Promise.resolve();
      },
      numbers: (ids, field) => Promise.resolve(ids.map((id) => conversations.get(id)?.[field] ?? null)),
    },
    visitors: {
      switchConversation: (_siteId, visitorId, expected, next) => {
        const current = currentOfVisitor.get(visitorId) ?? null;
        if (current !== expected) return Promise.resolve({ switched: false, current });
        currentOfVisitor.set(visitorId, next);
        return Promise.resolve({ switched: true, current: next });
      },
    },
    routing: {
      enqueue: (_siteId, c) => {
        if (!queue.includes(c.id)) queue.push(c.id);
        seen.enqueued.push({ id: c.id, priority: c.priority });
        return Promise.resolve();
      },
      dequeue: (_siteId, c) => {
        const at = queue.indexOf(c.id);
        if (at >= 0) queue.splice(at, 1);
        seen.dequeued.push(c.id);
        return Promise.resolve(at >= 0);
      },
      release: (_siteId, conversationId, agentId) => {
        claimedBy.delete(conversationId);
        seen.released.push({ conversationId, agentId });
        return Promise.resolve(true);
      },
      claimNext: () => {
        seen.claimAsks++;
        if (queue.length === 0 || free.length === 0) return Promise.resolve(null);
        const conversationId = queue.shift()!;
        const agentId = free.shift()!;
        claimedBy.set(conversationId, agentId);
        return Promise.resolve({ conversationId, agentId, more: queue.length > 0 && free.length > 0 });
      },
      assignee: (_siteId, conversationId) => Promise.resolve(claimedBy.get(conversationId) ?? null),
      claimWritten: (_siteId, conversationId) => {
        seen.claimWritten.push(conversationId);
        return Promise.resolve();
      },
      lines: () => Promise.resolve([{ skill: 'general', level: 1, ids: [...queue] }]),
      // One agent a slot and a minute a chat: the chat at place n waits n minutes.
      capacity: () => Promise.resolve({ agents: 1, slots: 1 }),
      recentHandleTimes: () => Promise.resolve([60]),
      recordHandleTime: () => Promise.resolve(),
    },
    messages: {
      append: (m, once) => {
        const known = once ? onceKeys.get(`${m.conversationId}:${once}`) : undefined;
        if (known) return Promise.resolve({ message: known, isNew: false });
        // The waterfall's own messages carry no files.
        const { attachments: _files, ...text } = m;
        const message: Message = { ...text, id: `${stored.length + 1}-0` };
        stored.push(message);
        if (once) onceKeys.set(`${m.conversationId}:${once}`, message);
        return Promise.resolve({ message, isNew: true });
      },
      before: (conversationId, id, count) =>
        Promise.resolve(
          stored
            .filter((m) => m.conversationId === conversationId && Number.parseInt(m.id) < Number.parseInt(id))
            .reverse()
            .slice(0, count),
        ),
    },
    agents: { card: (id) => Promise.resolve({ name: `Agent ${id}`, avatarUrl: null }) },
    sites: { get: (id) => Promise.resolve(id === site.id ? site : null) },
    views: {
      visitorView: (c) => Promise.resolve(view(c)),
      chatSummary: (c) => Promise.resolve({ conversation: c, visitor, lastMessage: null }),
      placedView: (_site, c, queue) => Promise.resolve(view(c, queue)),
    },
    notify: {
      toVisitor: (_siteId, visitorId, event, ...args) => {
        seen.pushes.push({ to: `visitor:${visitorId}`, event, payload: args[0] });
      },
      // One process: every visitor is connected here.
      visitorHere: () => true,
      toVisitorHere: (_siteId, visitorId, event, ...args) => {
        seen.pushes.push({ to: `visitor:${visitorId}`, event, payload: args[0] });
      },
      toAgent: (agentId, event, ...args) => {
        seen.pushes.push({ to: `agent:${agentId}`, event, payload: args[0] });
      },
      toSiteAgents: (siteId, event, ...args) => {
        seen.pushes.push({ to: `site:${siteId}`, event, payload: args[0] });
      },
      toChatWatchers: (conversationId, _except, event, ...args) => {
        seen.pushes.push({ to: `chat:${conversationId}`, event, payload: args[0] });
      },
    },
    events: {
      emit: (e) => {
        seen.events.push(e);
        return Promise.resolve();
      },
    },
    journal: {
      begin: (_siteId, conversationId, token, _now, write) => {
        seen.journalOpen.add(`${conversationId} ${token}`);
        return write();
      },
      end: (_siteId, conversationId, token) => {
        seen.journalOpen.delete(`${conversationId} ${token}`);
        return Promise.resolve();
      },
      staleBefore: () => Promise.resolve([]),
      strike: () => Promise.resolve(),
      started: (_siteId, conversationId) => {
        seen.started.push(conversationId);
        return Promise.resolve();
      },
      recordEvent: (_siteId, conversationId, version, fields) => {
        const key = `${conversationId}:${version}`;
        if (recorded.has(key)) return Promise.resolve(false);
        recorded.add(key);
        seen.streamEvents.push(fields);
        return Promise.resolve(true);
      },
    },
    clocks: {
      waiting: (_site, c) => {
        seen.waitTimers.push(`${c.id}:${c.waitingSince}`);
        return Promise.resolve();
      },
    },
    openTicket: (c, reason, _by, note) => {
      const known = tickets.get(c.id);
      if (known) return Promise.resolve({ ticket: known, isNew: false });
      const ticket: Ticket = {
        id: `t${tickets.size + 1}`,
        siteId: c.siteId,
        number: 1000 + tickets.size + 1,
        conversationId: c.id,
        status: 'open',
        reason,
        skill: c.skill,
        level: c.level,
        assigneeId: c.agentId,
        note,
        visitor: { id: c.visitorId, name: null, email: null, locale: c.locale },
        transcript: [],
        pages: [],
        history: [],
        createdAt: 0,
        updatedAt: 0,
      };
      tickets.set(c.id, ticket);
      return Promise.resolve({ ticket, isNew: true });
    },
    log: {
      warn: (_obj, msg) => {
        seen.warnings.push(msg ?? '');
      },
    },
    linesMoved: () => {},
    touchBoard: (siteId) => {
      seen.boards.push(siteId);
    },
  };

  return {
    deps,
    seen,
    conversations,
    pending,
    stored,
    queue,
    free,
    claimedBy,
    tickets,
    currentOfVisitor,
    /** Has every compare-and-set lose, as if another process moved the conversation first. */
    loseTransitions(): void {
      transitionLoses = true;
    },
  };
}

import { randomUUID } from 'node:crypto';
import { CascadeError, type Conversation, type Site, type Ticket, type TicketReason } from '@cascade/shared';
import type { Timers } from '../routing/timers.ts';
import type { Assignment, Routing } from '../routing/routing.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { AgentStore } from '../store/agents.ts';
import type { SiteStore } from '../store/sites.ts';
import type { DomainEvents } from '../events.ts';
import { crashPoint } from '../testing/crash-point.ts';
import { isRefusal, next, type WaterfallEvent } from './machine.ts';
import { isWaiting } from './rules.ts';
import type { Notifier } from './notifier.ts';
import type { Journal, TransitionRecord } from './journal.ts';
import type { Views } from './view-port.ts';
import type { Poster } from './post.ts';
import { recordTransition, systemMessage, transitionKey } from './timeline.ts';
import { transitionEvents } from './transition-events.ts';

/** Makes the conversation's one ticket (tickets/create.ts); `isNew` is false when it was made before. */
export type OpenTicket = (
  c: Conversation,
  reason: TicketReason,
  by: string,
  note: string | null,
) => Promise<{ ticket: Ticket; isNew: boolean }>;

export type ApplyDeps = {
  conversations: Pick<ConversationStore, 'transition' | 'update' | 'finished'>;
  routing: Pick<Routing, 'release' | 'dequeue' | 'enqueue' | 'recordHandleTime' | 'assignee'>;
  agents: Pick<AgentStore, 'card'>;
  sites: Pick<SiteStore, 'get'>;
  views: Pick<Views, 'visitorView' | 'chatSummary'>;
  notify: Pick<Notifier, 'toVisitor' | 'toAgent'>;
  events: Pick<DomainEvents, 'emit'>;
  journal: Pick<Journal, 'begin' | 'end' | 'recordEvent'>;
  clocks: Pick<Timers, 'waiting'>;
  openTicket: OpenTicket;
  post: Poster['post'];
  /** Assigns what can be assigned on the site once a transition changed a waiting line (claims.ts). */
  runClaims: (siteId: string, known?: Site) => Promise<Assignment[]>;
};

export type ApplyOptions = {
  /** Runs right after the state is written, for the caller that must tell someone first (the claim's agent). */
  onApplied?: (updated: Conversation) => Promise<void>;
  /** The conversation's site, when the caller has it already. */
  site?: Site;
};

/**
 * Applies one waterfall event; throws `invalid_state` when the machine refuses it and
 * `conflict` when someone else moved the conversation first.
 * Order matters for speed and for what people see: the state, its effects and its system
 * message first; then the people concerned are told; then waiting chats are claimed; the
 * bookkeeping (event stream, timers, webhooks) last.
 */
export function applier(d: ApplyDeps) {
  return async function apply(
    c: Conversation,
    e: WaterfallEvent,
    by = 'system',
    { onApplied, site }: ApplyOptions = {},
  ): Promise<Conversation> {
    const now = Date.now();
    const t = next(c, e, now);
    if (isRefusal(t)) throw new CascadeError('invalid_state', t.refused);
    const previousAgent = c.agentId;
    const data: TransitionRecord['data'] = { ...t.message.data };
    const ticketEffect = t.effects.find((x) => x.type === 'create_ticket');
    const record: TransitionRecord = {
      event: t.event,
      from: t.from,
      to: t.to,
      ts: now,
      by,
      ticket: ticketEffect ? { reason: ticketEffect.reason, note: t.ticketNote } : null,
      data,
    };
    // Noted before the write and struck off after the last step: a crash in between is found and repaired.
    const token = randomUUID();
    const version = await d.journal.begin(c.siteId, c.id, token, now, () =>
      d.conversations.transition(c.id, c.state, t.patch, JSON.stringify(record)),
    );
    if (version === 0) {
      await d.journal.end(c.siteId, c.id, token);
      throw new CascadeError('conflict', 'the conversation changed meanwhile; try again');
    }
    crashPoint(`${t.event}:written`);
    let updated: Conversation = { ...c, ...t.patch, version };
    let requeued = false;
    let ticketCreated: Ticket | null = null;

    for (const effect of t.effects) {
      switch (effect.type) {
        case 'release_agent':
          if (previousAgent) await d.routing.release(c.siteId, c.id, previousAgent);
          requeued = true;
          break;
        case 'dequeue':
          await d.routing.dequeue(c.siteId, c);
          requeued = true;
          break;
        case 'enqueue':
          if (effect.front) await d.routing.enqueue(c.siteId, { ...updated, priority: 10 }, c.queuedAt ?? now);
          else await d.routing.enqueue(c.siteId, updated, now);
          requeued = true;
          break;
        case 'create_ticket': {
          const { ticket, isNew } = await d.openTicket(updated, effect.reason, by, t.ticketNote);
          crashPoint(`${t.event}:ticket-created`);
          if (isNew) ticketCreated = ticket;
          await d.conversations.update(c.id, { ticketId: ticket.id, ticketNumber: ticket.number });
          updated = { ...updated, ticketId: ticket.id, ticketNumber: ticket.number };
          data.ticketNumber = ticket.number;
          break;
        }
      }
    }

    const [agent] = await Promise.all([
      t.message.namesAgent && updated.agentId ? d.agents.card(updated.agentId) : null,
      onApplied?.(updated),
    ]);
    if (t.message.namesAgent) data.agentName = agent?.name ?? null;

    await d.post(systemMessage(updated, t.event, data), updated, transitionKey(version));

    // A chat that is (still) in line hears its place from the queue announcement after the claims.
    const inLine = requeued && isWaiting(updated);
    const [view, summary] = await Promise.all([
      inLine ? Promise.resolve(null) : d.views.visitorView(updated),
      updated.agentId && previousAgent === updated.agentId ? d.views.chatSummary(updated) : Promise.resolve(null),
    ]);
    if (view) d.notify.toVisitor(c.siteId, c.visitorId, 'conversation:update', view);
    if (previousAgent && previousAgent !== updated.agentId)
      d.notify.toAgent(previousAgent, 'chat:removed', { conversationId: c.id });
    if (summary && updated.agentId) d.notify.toAgent(updated.agentId, 'chat:update', summary);

    crashPoint(`${t.event}:posted`);
    const claimed = requeued ? await d.runClaims(c.siteId, site) : [];
    // A chat handed to an agent by these claims, or by another process's meanwhile, has no wait
    // left to time: its clocks would only fire minutes later to find nothing to do.
    const stillWaiting = async () =>
      !claimed.some((a) => a.conversationId === c.id) && (await d.routing.assignee(c.siteId, c.id)) === null;

    const bookkeeping: Promise<unknown>[] = [recordTransition(d.journal, updated, t, now, by)];
    // A take-over keeps the chat with a person: its handle time runs on.
    if (c.state === 'assigned' && t.to !== 'assigned' && c.assignedAt !== null) {
      bookkeeping.push(d.routing.recordHandleTime(c.siteId, c.skill, Math.round((now - c.assignedAt) / 1000)));
    }
    if (updated.waitingSince !== null && t.patch.waitingSince !== undefined) {
      bookkeeping.push(
        Promise.all([stillWaiting(), site ?? d.sites.get(c.siteId)]).then(([waiting, s]) =>
          waiting && s ? d.clocks.waiting(s, updated) : undefined,
        ),
      );
    }
    const raised = transitionEvents(record, updated, {
      ticket: ticketCreated,
      waitedSince: c.state === 'assigned' ? null : (c.waitingSince ?? c.queuedAt),
      fromAgentId: previousAgent,
    });
    for (const event of raised.during) bookkeeping.push(d.events.emit(event));
    await Promise.all(bookkeeping);
    if (raised.ended) await d.events.emit(raised.ended);
    await Promise.all([d.conversations.finished(c.id, version), d.journal.end(c.siteId, c.id, token)]);
    return updated;
  };
}
export type Apply = ReturnType<typeof applier>;

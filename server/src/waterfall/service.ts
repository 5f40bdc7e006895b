import { randomUUID } from 'node:crypto';
import {
  CascadeError,
  newConversation,
  openStates,
  type Conversation,
  type Message,
  type Site,
  type Ticket,
  type Visitor,
} from '@cascade/shared';
import { createTicket, type TicketDeps } from '../tickets/create.ts';
import { isRefusal, next, systemText, type Transition, type WaterfallEvent } from './machine.ts';
import { isWaiting } from './rules.ts';
import { chatSummary, queueViews, visitorView, type ViewDeps } from './views.ts';
import type { NewMessage } from '../store/messages.ts';
import type { Timers } from '../routing/timers.ts';
import type { Assignment } from '../routing/routing.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { Notifier } from './notifier.ts';
import type { DomainEvents } from '../events.ts';
import type { Log } from '../log.ts';
import { siteThrottle } from './site-throttle.ts';
import type { Journal, TransitionRecord } from './journal.ts';
import { crashPoint } from '../testing/crash-point.ts';
import { isOpen } from '../routing/hours.ts';
import { transitionEvents } from './transition-events.ts';
import { messagePush } from '../io/message-push.ts';

/**
 * A waiting line is announced at most once per this long per site (and process): in a surge a
 * pass covers many changes, so its cost does not grow with changes times the line's length.
 */
export const QUEUE_ANNOUNCE_MS = 2000;

export type ServiceDeps = ViewDeps &
  TicketDeps & {
    redis: Redis;
    keys: Keys;
    conversations: ConversationStore;
    notify: Notifier;
    events: DomainEvents;
    log: Log;
    clocks: Timers;
    journal: Journal;
    /** Tells the site's supervisors their live board changed. */
    touchBoard: (siteId: string) => void;
  };

/**
 * The waterfall's shell: loads a conversation, asks the machine what happens next, writes
 * it (compare-and-set on the state), carries out the effects and tells everyone concerned.
 */
export function waterfall(d: ServiceDeps) {
  const { clocks, touchBoard, journal: log } = d;
  const pushMessage = messagePush(d);

  /** `once`: the server's own dedupe key (a transition's), so a repeat of the same post stores nothing. */
  async function post(m: Omit<NewMessage, 'ts'>, conversation?: Conversation, once?: string): Promise<Message> {
    const { message, isNew } = await d.messages.append({ ...m, ts: Date.now() }, once ?? m.clientMsgId);
    if (isNew) await fanOut(message, conversation);
    return message;
  }

  /** Sends a stored message to the visitor's tabs (unless internal) and to the assigned agent. */
  async function fanOut(m: Message, known?: Conversation): Promise<void> {
    const c = known ?? (await d.conversations.get(m.conversationId));
    if (!c) return;
    await pushMessage(m, c);
    await d.events.emit({ type: 'message.created', message: m, conversation: c });
  }

  /**
   * `ts` is the moment of the transition, not of the write: the write waits until after the claims.
   * Counted once per (conversation, version), however often a repair repeats it.
   */
  async function recordEvent(
    c: Conversation,
    t: Pick<Transition, 'event' | 'from' | 'to'>,
    ts: number,
    extra: Record<string, string> = {},
  ): Promise<void> {
    await log.recordEvent(c.siteId, c.id, c.version, {
      event: t.event,
      conversationId: c.id,
      from: t.from,
      to: t.to,
      skill: c.skill,
      level: String(c.level),
      agentId: c.agentId ?? '',
      ts: String(ts),
      ...extra,
    });
  }

  /** The system message of the transition to `version`: stored once, however often it is posted. */
  function systemMessage(c: Conversation, event: Transition['event'], data: TransitionRecord['data']) {
    return {
      conversationId: c.id,
      clientMsgId: null,
      author: 'system' as const,
      agentId: null,
      authorName: null,
      text: systemText(event, data),
      internal: false,
      bot: null,
      event,
      data,
    };
  }
  const transitionKey = (version: number) => `transition:${version}`;

  /**
   * A new conversation for the visitor, unless another of their tabs started one since they
   * looked (`seen`: the conversation they saw, null for none): then they join that one.
   */
  async function start(site: Site, visitor: Visitor, seen: string | null): Promise<Conversation> {
    const now = Date.now();
    const c = newConversation({
      id: randomUUID().replace(/-/g, ''),
      siteId: site.id,
      visitorId: visitor.id,
      locale: visitor.locale,
      at: now,
    });
    await d.conversations.create(c);
    let expected = seen;
    for (let tries = 0; tries < 3; tries++) {
      const { switched, current } = await d.visitors.switchConversation(site.id, visitor.id, expected, c.id);
      if (switched) {
        await Promise.all([
          d.redis.xAdd(d.keys.events(site.id), '*', { event: 'started', conversationId: c.id, ts: String(now) }),
          d.events.emit({ type: 'conversation.started', conversation: c }),
        ]);
        return c;
      }
      const other = current ? await d.conversations.get(current) : null;
      if (other && openStates.has(other.state)) {
        await d.conversations.discard(c);
        return other;
      }
      // What is current now has ended already: ours takes its place.
      expected = current;
    }
    await d.conversations.discard(c);
    throw new CascadeError('conflict', 'your conversation changed meanwhile; please send again');
  }

  /**
   * Applies one waterfall event; throws `invalid_state` when the machine refuses it.
   * Order matters for speed and for what people see: the state, its effects and its system
   * message first; then the people concerned are told; then waiting chats are claimed; the
   * bookkeeping (event stream, timers, webhooks) last. `onApplied` runs right after the
   * state is written, for the caller that must tell someone first (the claim's agent).
   */
  async function apply(
    c: Conversation,
    e: WaterfallEvent,
    by = 'system',
    onApplied?: (updated: Conversation) => Promise<void>,
    site?: Site,
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
    await log.begin(c.siteId, c.id, token, now);
    const version = await d.conversations.transition(c.id, c.state, t.patch, JSON.stringify(record));
    if (version === 0) {
      await log.end(c.siteId, c.id, token);
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
          const { ticket, isNew } = await createTicket(d, updated, effect.reason, by, t.ticketNote);
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

    await post(systemMessage(updated, t.event, data), updated, transitionKey(version));

    // A chat that is (still) in line hears its place from announceQueue after the claims.
    const inLine = requeued && isWaiting(updated);
    const [view, summary] = await Promise.all([
      inLine ? Promise.resolve(null) : visitorView(d, updated),
      updated.agentId && previousAgent === updated.agentId ? chatSummary(d, updated) : Promise.resolve(null),
    ]);
    if (view) d.notify.toVisitor(c.siteId, c.visitorId, 'conversation:update', view);
    if (previousAgent && previousAgent !== updated.agentId)
      d.notify.toAgent(previousAgent, 'chat:removed', { conversationId: c.id });
    if (summary && updated.agentId) d.notify.toAgent(updated.agentId, 'chat:update', summary);

    crashPoint(`${t.event}:posted`);
    if (requeued) await runClaims(c.siteId, site);

    const bookkeeping: Promise<unknown>[] = [recordEvent(updated, t, now, { by })];
    if (c.state === 'assigned' && c.assignedAt !== null) {
      bookkeeping.push(d.routing.recordHandleTime(c.siteId, c.skill, Math.round((now - c.assignedAt) / 1000)));
    }
    if (updated.waitingSince !== null && t.patch.waitingSince !== undefined) {
      bookkeeping.push(
        (site ? Promise.resolve(site) : d.sites.get(c.siteId)).then((s) =>
          s ? clocks.waiting(s, updated) : undefined,
        ),
      );
    }
    const raised = transitionEvents(record, updated, {
      ticket: ticketCreated,
      waitedSince: c.waitingSince ?? c.queuedAt,
      fromAgentId: previousAgent,
    });
    for (const event of raised.during) bookkeeping.push(d.events.emit(event));
    await Promise.all(bookkeeping);
    if (raised.ended) await d.events.emit(raised.ended);
    await Promise.all([d.conversations.finished(c.id, version), log.end(c.siteId, c.id, token)]);
    return updated;
  }

  /**
   * Finishes a transition whose process died after writing its state: its ticket, its system
   * message, its event and its timers, each at most once (they are keyed by the version). The
   * routing is put right by the repair from the state itself (repair.ts).
   */
  async function finishRecorded(c: Conversation, version: number, record: TransitionRecord): Promise<void> {
    let current = c;
    if (record.ticket && current.ticketId === null) {
      const { ticket, isNew } = await createTicket(d, current, record.ticket.reason, record.by, record.ticket.note);
      await d.conversations.update(c.id, { ticketId: ticket.id, ticketNumber: ticket.number });
      current = { ...current, ticketId: ticket.id, ticketNumber: ticket.number };
      if (isNew) await d.events.emit({ type: 'ticket.created', ticket, conversation: current });
    }
    const data = { ...record.data };
    if (record.event === 'claimed' && current.agentId)
      data.agentName = (await d.agents.card(current.agentId))?.name ?? null;
    if (record.ticket && current.ticketNumber !== null) data.ticketNumber = current.ticketNumber;
    await post(systemMessage(current, record.event, data), current, transitionKey(version));
    await recordEvent({ ...current, version }, record, record.ts, { by: record.by });
    const site = isWaiting(current) ? await d.sites.get(c.siteId) : null;
    if (site) await clocks.waiting(site, current);
    const raised = transitionEvents(record, current, { ticket: null, waitedSince: null, fromAgentId: null });
    for (const event of raised.during) await d.events.emit(event);
    if (raised.ended) await d.events.emit(raised.ended);
    await d.conversations.finished(c.id, version);
  }

  /**
   * Writes a claim (made by claim.lua or pick.lua) to its conversation and tells the agent.
   * When that fails the slot is given back, unless the conversation shows the claim already
   * (another process, or the repair, wrote it first).
   */
  async function writeClaim(site: Site, conversationId: string, agentId: string): Promise<boolean> {
    const c = await d.conversations.get(conversationId);
    try {
      if (!c) throw new CascadeError('not_found', 'conversation vanished');
      // The agent's summary is read while the claim is written, so they hear of it at once.
      const summary = chatSummary(d, { ...c, state: 'assigned', agentId });
      summary.catch(() => {});
      await apply(
        c,
        { type: 'claim', agentId },
        'system',
        async (assigned) => {
          const s = await summary;
          if (s) d.notify.toAgent(agentId, 'chat:assigned', { ...s, conversation: assigned });
        },
        site,
      );
      await d.routing.claimWritten(site.id, conversationId);
      return true;
    } catch (e) {
      d.log.warn({ err: e, conversationId, agentId }, 'a claim could not be written; its slot is given back');
      const now = await d.conversations.get(conversationId);
      if (now?.state === 'assigned' && now.agentId === agentId) await d.routing.claimWritten(site.id, conversationId);
      else await d.routing.release(site.id, conversationId, agentId);
      return false;
    }
  }

  /**
   * Assigns whatever can be assigned on the site, then tells the waiting visitors where they
   * stand. Returns the claims it wrote.
   */
  async function runClaims(siteId: string, known?: Site): Promise<Assignment[]> {
    const site = known ?? (await d.sites.get(siteId));
    if (!site) return [];
    const written: Assignment[] = [];
    if (site.assignment === 'auto' && isOpen(site.businessHours, new Date())) {
      for (let a = await d.routing.claimNext(site); a; a = await d.routing.claimNext(site)) {
        crashPoint('claim:taken');
        if (await writeClaim(site, a.conversationId, a.agentId)) written.push(a);
      }
    }
    await announceQueue(site);
    return written;
  }

  /** What each waiting visitor of a site last heard from this process, so an unchanged place is not sent again. */
  const lastHeard = new Map<string, Map<string, string>>();

  /** Every waiting visitor whose place or estimate changed learns it; agents see the waiting list. */
  async function announceNow(siteId: string): Promise<void> {
    const site = await d.sites.get(siteId);
    if (!site) return;
    const ids = await d.routing.waiting(site.id);
    const waiting = (await Promise.all(ids.map((id) => d.conversations.get(id)))).filter(
      (c): c is Conversation => c !== null,
    );
    const views = await queueViews(d, site, waiting);
    const before = lastHeard.get(site.id);
    const heard = new Map<string, string>();
    waiting.forEach((c, i) => {
      const view = views[i];
      if (!view) return;
      // The version changes with every state write, so a chat that was told something else meanwhile hears it again.
      const said = `${c.version}:${view.state}:${view.queue?.position}:${view.queue?.etaSeconds}:${view.queue?.available}`;
      heard.set(c.id, said);
      if (before?.get(c.id) !== said) d.notify.toVisitor(c.siteId, c.visitorId, 'conversation:update', view);
    });
    lastHeard.set(site.id, heard);
    const summaries = (await Promise.all(waiting.map((c) => chatSummary(d, c)))).filter((s) => s !== null);
    d.notify.toSiteAgents(site.id, 'queue:update', { waiting: summaries });
    touchBoard(site.id);
  }

  const announcer = siteThrottle(announceNow, QUEUE_ANNOUNCE_MS, (e, siteId) =>
    d.log.warn({ err: e, siteId }, 'queue announcement failed'),
  );
  const announceQueue = (site: Site): Promise<void> => announcer.request(site.id);

  function stop(): void {
    announcer.stop();
  }

  return {
    start,
    apply,
    post,
    fanOut,
    runClaims,
    announceQueue,
    writeClaim,
    finishRecorded,
    journal: log,
    clocks,
    touchBoard,
    stop,
  };
}
export type Waterfall = ReturnType<typeof waterfall>;

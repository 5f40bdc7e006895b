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
import { createTicket } from '../tickets/create.ts';
import type { WaterfallDeps } from './context.ts';
import { isRefusal, next, type Transition, type WaterfallEvent } from './machine.ts';
import { chatSummary, queueViews, visitorView } from './views.ts';
import type { NewMessage } from '../store/messages.ts';
import { timers } from '../routing/timers.ts';
import { boardPusher } from '../routing/board.ts';
import { siteThrottle } from './site-throttle.ts';

/**
 * A waiting line is announced at most once per this long per site (and process): in a surge a
 * pass covers many changes, so its cost does not grow with changes times the line's length.
 */
export const QUEUE_ANNOUNCE_MS = 2000;

/**
 * The waterfall's shell: loads a conversation, asks the machine what happens next, writes
 * it (compare-and-set on the state), carries out the effects and tells everyone concerned.
 */
export function waterfall(d: WaterfallDeps) {
  const clocks = timers(d.queues);
  const boards = boardPusher(d);
  const touchBoard = boards.touch;

  async function post(m: Omit<NewMessage, 'ts'>, conversation?: Conversation): Promise<Message> {
    const { message, isNew } = await d.messages.append({ ...m, ts: Date.now() });
    if (isNew) await fanOut(message, conversation);
    return message;
  }

  /** Sends a stored message to the visitor's tabs (unless internal) and to the assigned agent. */
  async function fanOut(m: Message, known?: Conversation): Promise<void> {
    const c = known ?? (await d.conversations.get(m.conversationId));
    if (!c) return;
    if (!m.internal) d.notify.toVisitor(c.siteId, c.visitorId, 'message:new', m);
    if (c.agentId) d.notify.toAgent(c.agentId, 'message:new', m);
  }

  /** `ts` is the moment of the transition, not of the write: the write waits until after the claims. */
  async function recordEvent(
    c: Conversation,
    t: Transition,
    ts: number,
    extra: Record<string, string> = {},
  ): Promise<void> {
    await d.redis.xAdd(d.keys.events(c.siteId), '*', {
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
    if (!(await d.conversations.transition(c.id, c.state, t.patch))) {
      throw new CascadeError('conflict', 'the conversation changed meanwhile; try again');
    }
    let updated: Conversation = { ...c, ...t.patch };
    const previousAgent = c.agentId;
    let requeued = false;
    let ticketCreated: Ticket | null = null;
    const data: Record<string, string | number | boolean | null> = {};

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
          const note = e.type === 'followup' && e.note ? e.note : null;
          const { ticket, isNew } = await createTicket(d, updated, effect.reason, by, note);
          if (isNew) ticketCreated = ticket;
          await d.conversations.update(c.id, { ticketId: ticket.id, ticketNumber: ticket.number });
          updated = { ...updated, ticketId: ticket.id, ticketNumber: ticket.number };
          data.ticketNumber = ticket.number;
          break;
        }
        case 'offer_rating':
          break;
      }
    }

    if (e.type === 'claim') {
      const [agent] = await Promise.all([d.agents.card(e.agentId), onApplied?.(updated)]);
      data.agentName = agent?.name ?? null;
    } else if (onApplied) await onApplied(updated);
    if (e.type === 'transfer') Object.assign(data, { level: e.level, skill: e.skill, note: e.note });
    if (e.type === 'offer_ticket') data.reason = e.reason;

    await post(
      {
        conversationId: c.id,
        clientMsgId: null,
        author: 'system',
        agentId: null,
        authorName: null,
        text: describe(t.event, data),
        internal: false,
        bot: null,
        event: t.event,
        data,
      },
      updated,
    );

    // A chat that is (still) in line hears its place from announceQueue after the claims.
    const inLine = requeued && (updated.state === 'queued' || updated.state === 'offered_ticket');
    const [view, summary] = await Promise.all([
      inLine ? Promise.resolve(null) : visitorView(d, updated),
      updated.agentId && previousAgent === updated.agentId ? chatSummary(d, updated) : Promise.resolve(null),
    ]);
    if (view) d.notify.toVisitor(c.siteId, c.visitorId, 'conversation:update', view);
    if (previousAgent && previousAgent !== updated.agentId)
      d.notify.toAgent(previousAgent, 'chat:removed', { conversationId: c.id });
    if (summary && updated.agentId) d.notify.toAgent(updated.agentId, 'chat:update', summary);

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
    if (t.event === 'escalated')
      bookkeeping.push(d.events.emit({ type: 'conversation.escalated', conversation: updated }));
    if (t.to === 'resolved') bookkeeping.push(d.events.emit({ type: 'conversation.resolved', conversation: updated }));
    if (ticketCreated)
      bookkeeping.push(d.events.emit({ type: 'ticket.created', ticket: ticketCreated, conversation: updated }));
    await Promise.all(bookkeeping);
    if (!openStates.has(t.to)) await d.events.emit({ type: 'conversation.ended', conversation: updated });
    return updated;
  }

  /** Assigns whatever can be assigned on the site, then tells the waiting visitors where they stand. */
  async function runClaims(siteId: string, known?: Site): Promise<void> {
    const site = known ?? (await d.sites.get(siteId));
    if (!site) return;
    if (site.assignment === 'auto') {
      for (let a = await d.routing.claimNext(site); a; a = await d.routing.claimNext(site)) {
        const { conversationId, agentId } = a;
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
        } catch {
          await d.routing.release(siteId, conversationId, agentId);
        }
      }
    }
    await announceQueue(site);
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
      const said = `${c.version}:${view.state}:${view.queue?.position}:${view.queue?.etaSeconds}`;
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
    boards.stop();
  }

  return { start, apply, post, fanOut, runClaims, announceQueue, clocks, touchBoard, stop };
}
export type Waterfall = ReturnType<typeof waterfall>;

/** A plain-text line for transcripts and emails; the clients show their own localised wording. */
function describe(event: Transition['event'], data: NonNullable<NewMessage['data']>): string {
  switch (event) {
    case 'claimed':
      return `${String(data.agentName ?? 'An agent')} joined the chat`;
    case 'ticketed':
      return `Ticket #${String(data.ticketNumber ?? '')} created`;
    case 'transferred':
      return `Passed to level ${String(data.level)} (${String(data.skill)})`;
    default:
      return event.replace(/_/g, ' ');
  }
}

import { CascadeError, newConversation, type Conversation } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { shell } from '../src/waterfall/service.ts';
import { queueAnnouncer } from '../src/waterfall/announce.ts';
import type { TransitionRecord } from '../src/waterfall/journal.ts';
import { fakeWorld, site, visitor } from './waterfall-fakes.ts';

/** The shell over in-memory fakes of its declared deps: what it writes, tells and posts, without Redis. */

function setUp(patch: Partial<Conversation> = {}) {
  const world = fakeWorld();
  const c: Conversation = {
    ...newConversation({ id: 'c1', siteId: site.id, visitorId: visitor.id, locale: 'en', at: 0 }),
    ...patch,
  };
  world.conversations.set(c.id, c);
  const w = shell(world.deps);
  return { world, w, c };
}

const systemEvents = (world: ReturnType<typeof fakeWorld>) =>
  world.stored.filter((m) => m.author === 'system').map((m) => m.event);
const pushesOf = (world: ReturnType<typeof fakeWorld>, event: string) =>
  world.seen.pushes.filter((p) => p.event === event);

async function failure(p: Promise<unknown>): Promise<CascadeError> {
  const e: unknown = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof CascadeError)) throw new Error('expected a CascadeError');
  return e;
}

describe('the waterfall shell', () => {
  it('queues an escalated chat and tells the visitor their place once, with nobody free to claim it', async () => {
    const { world, w, c } = setUp();
    const queued = await w.apply(c, { type: 'escalate', skill: 'billing', priority: 0 }, 'visitor', { site });
    w.stop();

    expect(queued.state).toBe('queued');
    expect(world.queue).toEqual([c.id]);
    expect(systemEvents(world)).toEqual(['escalated']);
    const told = pushesOf(world, 'conversation:update');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      to: `visitor:${visitor.id}`,
      payload: { state: 'queued', queue: { position: 1 } },
    });
    expect(pushesOf(world, 'queue:update')).toHaveLength(1);
    expect(world.seen.boards).toEqual([site.id]);
    expect(world.seen.waitTimers).toEqual([`${c.id}:${queued.waitingSince}`]);
    expect(world.seen.streamEvents.map((e) => e.event)).toEqual(['escalated']);
    expect(world.seen.events.map((e) => e.type)).toEqual(['message.created', 'conversation.escalated']);
    expect(world.pending.get(c.id)?.size).toBe(0);
    expect(world.seen.journalOpen.size).toBe(0);
  });

  it('times no wait for a chat that another process claimed while it was being queued', async () => {
    const { world, w, c } = setUp();
    // The claim script of another process gave the chat away before this one's claims ran.
    world.claimedBy.set(c.id, 'a9');
    await w.apply(c, { type: 'escalate', skill: 'billing', priority: 0 }, 'visitor', { site });
    w.stop();

    expect(world.seen.waitTimers).toEqual([]);
  });

  it('writes a claim to the conversation, tells the agent and posts one system message', async () => {
    const { world, w, c } = setUp({ state: 'queued', skill: 'general', level: 1, queuedAt: 0, waitingSince: 0 });
    world.queue.push(c.id);
    world.free.push('a1');

    const written = await w.runClaims(site.id);
    w.stop();

    expect(written).toEqual([{ conversationId: c.id, agentId: 'a1' }]);
    expect(world.conversations.get(c.id)).toMatchObject({ state: 'assigned', agentId: 'a1', version: 1 });
    const assigned = pushesOf(world, 'chat:assigned');
    expect(assigned).toHaveLength(1);
    expect(assigned[0]).toMatchObject({
      to: 'agent:a1',
      payload: { conversation: { state: 'assigned', agentId: 'a1' } },
    });
    const system = world.stored.filter((m) => m.author === 'system');
    expect(system).toHaveLength(1);
    expect(system[0]).toMatchObject({ event: 'claimed', data: { agentName: 'Agent a1' } });
    expect(world.seen.claimWritten).toEqual([c.id]);
    // Routing said nothing else could be claimed: it is not asked again.
    expect(world.seen.claimAsks).toBe(1);
    expect(world.seen.released).toEqual([]);
    expect(world.seen.events.map((e) => e.type)).toEqual(['message.created', 'conversation.assigned']);
  });

  it('throws conflict when another writer moved the conversation first, and writes nothing else', async () => {
    const { world, w, c } = setUp({ state: 'queued', queuedAt: 0, waitingSince: 0 });
    world.queue.push(c.id);
    world.loseTransitions();

    const e = await failure(w.apply(c, { type: 'claim', agentId: 'a1' }, 'a1'));
    w.stop();

    expect(e.code).toBe('conflict');
    expect(world.conversations.get(c.id)).toEqual(c);
    expect(world.queue).toEqual([c.id]);
    expect(world.stored).toEqual([]);
    expect(world.seen.pushes).toEqual([]);
    expect(world.seen.events).toEqual([]);
    expect(world.seen.streamEvents).toEqual([]);
    expect(world.seen.released).toEqual([]);
    expect(world.seen.journalOpen.size).toBe(0);
  });

  it('throws invalid_state for an event the machine refuses, and writes nothing', async () => {
    const { world, w, c } = setUp({ state: 'resolved', closedAt: 0 });

    const e = await failure(w.apply(c, { type: 'claim', agentId: 'a1' }, 'a1'));
    w.stop();

    expect(e.code).toBe('invalid_state');
    expect(world.conversations.get(c.id)).toEqual(c);
    expect(world.pending.size).toBe(0);
    expect(world.stored).toEqual([]);
    expect(world.seen.pushes).toEqual([]);
    expect(world.seen.events).toEqual([]);
    expect(world.seen.journalOpen.size).toBe(0);
  });

  it('releases the previous agent on a transfer and puts the chat back in line', async () => {
    const { world, w, c } = setUp({ state: 'assigned', agentId: 'a1', assignedAt: 0, skill: 'general', level: 1 });

    const moved = await w.apply(c, { type: 'transfer', level: 2, skill: 'billing', note: 'needs a refund' }, 'a1');
    w.stop();

    expect(moved).toMatchObject({ state: 'queued', agentId: null, level: 2, skill: 'billing' });
    expect(world.seen.released).toEqual([{ conversationId: c.id, agentId: 'a1' }]);
    expect(world.queue).toEqual([c.id]);
    expect(pushesOf(world, 'chat:removed')).toEqual([
      { to: 'agent:a1', event: 'chat:removed', payload: { conversationId: c.id } },
    ]);
    expect(systemEvents(world)).toEqual(['transferred']);
    const transferred = world.seen.events.find((e) => e.type === 'conversation.transferred');
    expect(transferred).toMatchObject({ fromAgentId: 'a1', note: 'needs a refund' });
  });

  it('creates one ticket for a ticket effect and posts its number', async () => {
    const { world, w, c } = setUp({ state: 'offered_ticket', offerReason: 'max_wait', queuedAt: 0, waitingSince: 0 });
    world.queue.push(c.id);

    const ticketed = await w.apply(c, { type: 'leave_email' }, 'visitor');
    w.stop();

    expect(world.tickets.size).toBe(1);
    const ticket = world.tickets.get(c.id)!;
    expect(ticket.reason).toBe('max_wait');
    expect(ticketed).toMatchObject({ state: 'ticketed', ticketId: ticket.id, ticketNumber: ticket.number });
    expect(world.conversations.get(c.id)).toMatchObject({ ticketId: ticket.id, ticketNumber: ticket.number });
    expect(world.queue).toEqual([]);
    const system = world.stored.filter((m) => m.author === 'system');
    expect(system).toHaveLength(1);
    expect(system[0]).toMatchObject({ event: 'ticketed', data: { ticketNumber: ticket.number } });
    expect(world.seen.events.filter((e) => e.type === 'ticket.created')).toHaveLength(1);
    expect(world.seen.events.at(-1)?.type).toBe('conversation.ended');
  });

  it('finishes a transition left half done once, and repeats nothing when asked again', async () => {
    // The state is written (version 3) but the process died before its ticket, message and event.
    const { world, w, c } = setUp({ state: 'ticketed', version: 3, closedAt: 0, offerReason: 'no_agent' });
    const record: TransitionRecord = {
      event: 'ticketed',
      from: 'offered_ticket',
      to: 'ticketed',
      ts: 0,
      by: 'visitor',
      ticket: { reason: 'no_agent', note: null },
      data: {},
    };
    world.pending.set(c.id, new Map([[3, JSON.stringify(record)]]));

    await w.finishRecorded(c, 3, record);
    const once = {
      messages: world.stored.length,
      tickets: world.tickets.size,
      stream: world.seen.streamEvents.length,
      ticketEvents: world.seen.events.filter((e) => e.type === 'ticket.created').length,
    };
    await w.finishRecorded(world.conversations.get(c.id)!, 3, record);
    w.stop();

    expect(once).toEqual({ messages: 1, tickets: 1, stream: 1, ticketEvents: 1 });
    expect(world.stored).toHaveLength(1);
    expect(world.stored[0]).toMatchObject({
      event: 'ticketed',
      data: { ticketNumber: world.tickets.get(c.id)!.number },
    });
    expect(world.tickets.size).toBe(1);
    expect(world.seen.streamEvents).toHaveLength(1);
    expect(world.seen.events.filter((e) => e.type === 'ticket.created')).toHaveLength(1);
    expect(world.pending.get(c.id)?.size).toBe(0);
  });

  it('repeats nothing when a finished transition is finished again', async () => {
    const { world, w, c } = setUp({ state: 'queued', queuedAt: 0, waitingSince: 0 });
    const assigned = await w.apply(c, { type: 'claim', agentId: 'a1' }, 'a1');
    const record: TransitionRecord = {
      event: 'claimed',
      from: 'queued',
      to: 'assigned',
      ts: 0,
      by: 'a1',
      ticket: null,
      data: {},
    };
    const before = { messages: world.stored.length, stream: world.seen.streamEvents.length };

    await w.finishRecorded(assigned, assigned.version, record);
    w.stop();

    expect(before).toEqual({ messages: 1, stream: 1 });
    expect(world.stored).toHaveLength(1);
    expect(world.seen.streamEvents).toHaveLength(1);
  });

  it('joins the open conversation another tab started meanwhile', async () => {
    const world = fakeWorld();
    const other = newConversation({ id: 'other', siteId: site.id, visitorId: visitor.id, locale: 'en', at: 0 });
    world.conversations.set(other.id, other);
    world.currentOfVisitor.set(visitor.id, other.id);
    const w = shell(world.deps);

    const joined = await w.start(site, visitor, null);
    w.stop();

    expect(joined.id).toBe(other.id);
    expect([...world.conversations.keys()]).toEqual([other.id]);
    expect(world.seen.started).toEqual([]);
    expect(world.seen.events).toEqual([]);
  });

  it('starts a new conversation when the visitor has none', async () => {
    const world = fakeWorld();
    const w = shell(world.deps);

    const started = await w.start(site, visitor, null);
    w.stop();

    expect(world.currentOfVisitor.get(visitor.id)).toBe(started.id);
    expect(world.conversations.get(started.id)).toEqual(started);
    expect(world.seen.started).toEqual([started.id]);
    expect(world.seen.events.map((e) => e.type)).toEqual(['conversation.started']);
  });

  it('gives the slot back when a claim cannot be written', async () => {
    const { world, w, c } = setUp({ state: 'resolved', closedAt: 0 });

    const ok = await w.writeClaim(site, c.id, 'a1');
    w.stop();

    expect(ok).toBe(false);
    expect(world.seen.released).toEqual([{ conversationId: c.id, agentId: 'a1' }]);
    expect(world.seen.claimWritten).toEqual([]);
    expect(world.seen.warnings).toHaveLength(1);
  });
});

describe('the queue announcement', () => {
  it('sends an unchanged place only once, and a changed one again', async () => {
    const world = fakeWorld();
    const queued = (id: string): Conversation => ({
      ...newConversation({ id, siteId: site.id, visitorId: `v-${id}`, locale: 'en', at: 0 }),
      state: 'queued',
      queuedAt: 0,
      waitingSince: 0,
    });
    world.conversations.set('c1', queued('c1'));
    world.conversations.set('c2', queued('c2'));
    world.queue.push('c1', 'c2');
    // No throttle: every request is a pass of its own.
    const announcer = queueAnnouncer(world.deps, 0);

    await announcer.announceQueue(site);
    await announcer.announceQueue(site);
    const visitorUpdates = () => pushesOf(world, 'conversation:update').map((p) => p.to);
    expect(visitorUpdates()).toEqual(['visitor:v-c1', 'visitor:v-c2']);

    // c1 leaves the line: c2 moves up and hears it; nobody else is told anything.
    world.queue.shift();
    await announcer.announceQueue(site);
    announcer.stop();

    expect(visitorUpdates()).toEqual(['visitor:v-c1', 'visitor:v-c2', 'visitor:v-c2']);
    expect(pushesOf(world, 'conversation:update').at(-1)?.payload).toMatchObject({ queue: { position: 1 } });
    expect(pushesOf(world, 'queue:update')).toHaveLength(3);
  });
});

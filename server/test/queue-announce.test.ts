import { newConversation, type Conversation } from '@cascade/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUEUE_ANNOUNCE_MS, queueAnnouncer } from '../src/waterfall/announce.ts';
import { fakeWorld, site } from './waterfall-fakes.ts';

/** The queue announcement over in-memory fakes, on a fake clock: how often each visitor is told, and what. */

type World = ReturnType<typeof fakeWorld>;

/** Chat `ci` of visitor `v-ci` joins the back of the line. */
function join(world: World, i: number): void {
  const c: Conversation = {
    ...newConversation({ id: `c${i}`, siteId: site.id, visitorId: `v-c${i}`, locale: 'en', at: 0 }),
    state: 'queued',
    queuedAt: i,
    waitingSince: i,
  };
  world.conversations.set(c.id, c);
  world.queue.push(c.id);
}

function lineOf(count: number): World {
  const world = fakeWorld();
  for (let i = 1; i <= count; i++) join(world, i);
  return world;
}

const placesTold = (world: World, visitorId: string) =>
  world.seen.pushes
    .filter((p) => p.event === 'conversation:update' && p.to === `visitor:${visitorId}`)
    .map((p) => (p.payload as { queue: { position: number } | null }).queue?.position);
const agentLists = (world: World) => world.seen.pushes.filter((p) => p.event === 'queue:update');

describe('the queue announcement, coalesced', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tells a visitor once for a burst of changes, with the place they end at', async () => {
    const world = lineOf(9);
    const announcer = queueAnnouncer(world.deps);
    await announcer.announceQueue(site);
    expect(placesTold(world, 'v-c9')).toEqual([9]);

    // Eight chats ahead leave the line, each a change of its own, within one interval.
    for (let i = 0; i < 8; i++) {
      world.queue.shift();
      await announcer.announceQueue(site);
    }
    await vi.advanceTimersByTimeAsync(QUEUE_ANNOUNCE_MS);
    announcer.stop();

    expect(placesTold(world, 'v-c9')).toEqual([9, 1]);
    expect(agentLists(world)).toHaveLength(2);
  });

  it('tells nobody whose place, estimate and chat stayed the same', async () => {
    const world = lineOf(2);
    const announcer = queueAnnouncer(world.deps);
    await announcer.announceQueue(site);

    // Two join behind: the first two are not told again; the newcomers are told once.
    join(world, 3);
    join(world, 4);
    await vi.advanceTimersByTimeAsync(QUEUE_ANNOUNCE_MS);
    await announcer.announceQueue(site);
    expect(placesTold(world, 'v-c1')).toEqual([1]);
    expect(placesTold(world, 'v-c2')).toEqual([2]);
    expect(placesTold(world, 'v-c3')).toEqual([3]);

    // c2's chat is written elsewhere (a new version) without moving: its visitor hears the new version.
    const c2 = world.conversations.get('c2');
    if (c2) world.conversations.set('c2', { ...c2, version: c2.version + 1 });
    await vi.advanceTimersByTimeAsync(QUEUE_ANNOUNCE_MS);
    await announcer.announceQueue(site);
    announcer.stop();
    expect(placesTold(world, 'v-c1')).toEqual([1]);
    expect(placesTold(world, 'v-c2')).toEqual([2, 2]);
    const last = world.seen.pushes.filter((p) => p.to === 'visitor:v-c2').at(-1)?.payload;
    expect(last).toMatchObject({ version: (c2?.version ?? 0) + 1 });
  });

  it('tells only the visitors connected to this process, and the others only when another process says so', async () => {
    const world = lineOf(2);
    const moved: string[] = [];
    const elsewhere = new Set(['v-c2']);
    const announcer = queueAnnouncer({
      ...world.deps,
      notify: { ...world.deps.notify, visitorHere: (_siteId, visitorId) => !elsewhere.has(visitorId) },
      linesMoved: (siteId) => moved.push(siteId),
    });
    await announcer.announceQueue(site);
    expect(placesTold(world, 'v-c1')).toEqual([1]);
    expect(placesTold(world, 'v-c2')).toEqual([]);
    expect(moved).toEqual([site.id]);

    // The visitor reconnects here; a change made by another process reaches them, and this process
    // neither tells the agents nor passes the news on.
    elsewhere.clear();
    world.queue.shift();
    await vi.advanceTimersByTimeAsync(QUEUE_ANNOUNCE_MS);
    await announcer.heard(site.id);
    announcer.stop();
    expect(placesTold(world, 'v-c2')).toEqual([1]);
    expect(moved).toEqual([site.id]);
    expect(agentLists(world)).toHaveLength(1);
  });
});

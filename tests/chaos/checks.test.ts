import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { keys } from '../../server/src/redis/keys.ts';
import { cleanKeys, REDIS_URL } from '../support/harness.ts';
import { check, type AgentView, type VisitorView } from './checks.ts';
import type { Shown } from './clients.ts';
import { Ledger, textOf } from './ledger.ts';

/*
 * The chaos checks against hand-made stores in a real Redis: a clean one counts zero, and each
 * kind of fault, made on purpose, makes its own counter go above zero. Without this a zero in
 * the chaos table could mean the checks look nowhere.
 */
const base = `test:checks:${randomUUID().slice(0, 8)}`;
const SITE = 'demo';
const AGENT = { id: 'agent-a1', name: 'a1' };
const LINE = { skill: 'general', level: 1 };
const redis = createClient({ url: REDIS_URL });
let worlds = 0;

beforeAll(() => redis.connect());
afterAll(async () => {
  await redis.close();
  await cleanKeys(base);
});

type Chat = {
  id: string;
  visitor: string;
  shownToVisitor: Shown[];
  shownToAgent: Shown[];
  widgetState: string;
  /** Whether the agent's console lists it as theirs. */
  inConsole: boolean;
};

/**
 * One site in Redis as a run leaves it when all went well: two chats assigned to one agent, each
 * with two messages from each side, acknowledged, stored once and shown at both ends in order.
 */
async function cleanWorld() {
  const prefix = `${base}:${++worlds}`;
  const k = keys(prefix);
  const ledger = new Ledger();
  const chats: Chat[] = [];
  const json = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).map(([f, v]) => [f, JSON.stringify(v)]));

  /** Appends a message to a conversation's stream as the server stores it; returns it as clients hold it. */
  async function store(conversationId: string, author: Shown['author'], text: string, clientMsgId: string | null) {
    const m = { author, text, clientMsgId, event: author === 'system' ? 'escalated' : null };
    const id = await redis.xAdd(k.messages(conversationId), '*', { m: JSON.stringify(m) });
    return { id, clientMsgId, author, text };
  }

  /** A chat in `state` (its agent, line and escalation recorded as the server would), without messages. */
  async function conversation(visitor: string, state: 'assigned' | 'queued'): Promise<Chat> {
    const id = randomUUID().replace(/-/g, '');
    const agentId = state === 'assigned' ? AGENT.id : null;
    await redis.hSet(k.conversation(id), json({ id, siteId: SITE, state, agentId, ...LINE, widened: false }));
    await store(id, 'system', 'escalated', null);
    await redis.xAdd(k.events(SITE), '*', { conversationId: id, event: 'escalated' });
    if (agentId) {
      await redis.hSet(k.assignment(SITE), id, agentId);
      await redis.hIncrBy(k.load(SITE), agentId, 1);
    } else {
      await redis.sAdd(k.queueIndex(SITE), `${LINE.skill}:${LINE.level}`);
      await redis.zAdd(k.queue(SITE, LINE.skill, LINE.level), { score: Date.now(), value: id });
    }
    const chat = { id, visitor, shownToVisitor: [], shownToAgent: [], widgetState: state, inConsole: agentId !== null };
    chats.push(chat);
    return chat;
  }

  /** A message written, stored, acknowledged to its writer and shown at both ends. */
  async function say(chat: Chat, writer: string, seq: number) {
    const author = writer === AGENT.name ? 'agent' : 'visitor';
    const m = await store(chat.id, author, textOf(writer, seq), randomUUID());
    ledger.hold(chat.id, writer, [m]);
    chat.shownToVisitor.push(m);
    chat.shownToAgent.push(m);
    return m;
  }

  for (const visitor of ['v1', 'v2']) {
    const chat = await conversation(visitor, 'assigned');
    for (const seq of [1, 2]) {
      await say(chat, visitor, seq);
      await say(chat, AGENT.name, seq + (visitor === 'v1' ? 0 : 2));
    }
  }

  const visitors = (): VisitorView[] =>
    chats.map((c) => ({
      name: c.visitor,
      conversationId: () => c.id,
      shown: () => c.shownToVisitor,
      store: { getState: () => ({ conversation: { state: c.widgetState } }) },
    }));
  const agents = (): AgentView[] => [
    {
      ...AGENT,
      chats: () => chats.filter((c) => c.inConsole).map((c) => c.id),
      shown: (id) => chats.find((c) => c.id === id)?.shownToAgent ?? null,
    },
  ];
  const [first, second] = chats as [Chat, Chat];
  return {
    k,
    first,
    second,
    store,
    conversation,
    say,
    check: () => check(REDIS_URL, prefix, visitors(), agents(), ledger),
  };
}

const ZERO = { lost: 0, doubled: 0, unseen: 0, outOfOrder: 0, stuck: 0, loadMismatches: 0 };

describe('the chaos checks, against stores made by hand', () => {
  it('count nothing in a store where every message and every chat is where it should be', async () => {
    const world = await cleanWorld();
    const found = await world.check();
    expect(found).toMatchObject({ ...ZERO, messages: 8 });
    expect(found.audit.states).toEqual({ assigned: 2 });
  });

  it('count a message stored twice in its stream as doubled, not as lost', async () => {
    const world = await cleanWorld();
    const m = world.first.shownToAgent[0]!;
    await world.store(world.first.id, m.author, m.text, m.clientMsgId);
    expect(await world.check()).toMatchObject({ ...ZERO, doubled: 1 });
  });

  it('count a message shown twice in a widget or a console as doubled', async () => {
    const world = await cleanWorld();
    // Each copy right after its original, so the order stays right.
    world.first.shownToVisitor.splice(2, 0, world.first.shownToVisitor[1]!);
    world.second.shownToAgent.splice(1, 0, world.second.shownToAgent[0]!);
    expect(await world.check()).toMatchObject({ ...ZERO, doubled: 2 });
  });

  it('count a waiting chat that is in no line and held by nobody as stuck', async () => {
    const world = await cleanWorld();
    const waiting = await world.conversation('v3', 'queued');
    await world.say(waiting, 'v3', 1);
    await redis.zRem(world.k.queue(SITE, LINE.skill, LINE.level), waiting.id);
    const found = await world.check();
    expect(found.audit.queuedInNoLine).toEqual([waiting.id]);
    expect(found).toMatchObject({ ...ZERO, stuck: 1 });
    expect(found.stuckWhy[waiting.id]).toBe('routing');
  });

  it('count a chat whose widget shows another state than Redis, or whose console lost it, as stuck', async () => {
    const world = await cleanWorld();
    world.first.widgetState = 'queued';
    world.second.inConsole = false;
    const found = await world.check();
    expect(found).toMatchObject({ ...ZERO, stuck: 2 });
    expect(found.stuckWhy[world.first.id]).toBe('the widget shows queued, Redis says assigned');
    expect(found.stuckWhy[world.second.id]).toBe(`assigned to ${AGENT.name}, whose console does not show it`);
  });

  it('count an agent whose load is one above their real chats as a load mismatch', async () => {
    const world = await cleanWorld();
    await redis.hIncrBy(world.k.load(SITE), AGENT.id, 1);
    const found = await world.check();
    expect(found).toMatchObject({ ...ZERO, loadMismatches: 1 });
    expect(found.audit.loadMismatches).toEqual([{ agentId: AGENT.id, load: 3, real: 2 }]);
  });

  it('count an acked message missing from Redis as lost, one not shown as unseen, one shown early as out of order', async () => {
    const world = await cleanWorld();
    await redis.xDel(world.k.messages(world.first.id), world.first.shownToAgent[0]!.id);
    world.second.shownToVisitor.splice(1, 1);
    world.second.shownToAgent.reverse();
    expect(await world.check()).toMatchObject({ ...ZERO, lost: 1, unseen: 1, outOfOrder: 1 });
  });
});

import { randomUUID } from 'node:crypto';
import type { ChatSummary } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/waits.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

const skills = [
  { skill: 'general', level: 1 },
  { skill: 'billing', level: 1 },
];

async function askForPerson() {
  const visitor = await h.visitor();
  await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'I was charged twice for one order' });
  const { conversation } = await visitor.ok<{ conversation: { id: string } }>('conversation:escalate', {});
  return { visitor, conversationId: conversation.id };
}

describe('agent statuses', () => {
  it('gives no new chat to an agent on a break, and resumes when they are available again', async () => {
    const sara = await h.newAgent({ name: 'Sara On Break', skills });
    await sara.ok('agent:status', { status: 'break' });
    // Nobody available: the visitor is offered a ticket and chooses to keep waiting.
    const { visitor, conversationId: waiting } = await askForPerson();
    await visitor.ok('conversation:keep-waiting', {});
    expect(await h.cascade.routing.assignee(h.demo.siteId, waiting)).toBeNull();

    await sara.ok('agent:status', { status: 'online' });
    const taken = await sara.next<ChatSummary>('chat:assigned');
    expect(taken.conversation.id).toBe(waiting);
    await sara.ok('agent:status', { status: 'away' });
    sara.close();
  });

  it('hands an agent back from a break every waiting chat they have room for, at once', async () => {
    const nadia = await h.newAgent({ name: 'Nadia Back', skills, maxChats: 2 });
    await nadia.ok('agent:status', { status: 'break' });
    const waiting: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { visitor, conversationId } = await askForPerson();
      await visitor.ok('conversation:keep-waiting', {});
      waiting.push(conversationId);
    }

    await nadia.ok('agent:status', { status: 'online' });
    const taken = [await nadia.next<ChatSummary>('chat:assigned'), await nadia.next<ChatSummary>('chat:assigned')];
    expect(taken.map((c) => c.conversation.id).sort()).toEqual([...waiting].sort());
    for (const id of waiting) await nadia.ok('chat:resolve', { conversationId: id });
    await nadia.ok('agent:status', { status: 'away' });
    nadia.close();
  });

  it('refuses a status that is not one', async () => {
    const omid = await h.newAgent({ name: 'Omid Refused', skills });
    const bad = await omid.request('agent:status', { status: 'offline' });
    expect(bad.ok).toBe(false);
    omid.close();
  });

  it('counts the time each agent spent in each status, offline not counted', async () => {
    const clock = h.cascade.statusTime;
    const site = h.demo.siteId;
    const t0 = Date.now() - 600_000;
    await clock.change(site, 'counted', 'online', t0);
    await clock.change(site, 'counted', 'break', t0 + 60_000);
    await clock.change(site, 'counted', 'break', t0 + 90_000);
    await clock.change(site, 'counted', 'offline', t0 + 120_000);
    await clock.change(site, 'counted', 'busy', t0 + 300_000);
    const times = await clock.between(site, t0, t0 + 330_000);
    expect(times.find((t) => t.agentId === 'counted')?.seconds).toEqual({ online: 60, away: 0, break: 60, busy: 30 });
  });

  it('sets away, from the server, an agent whose console went quiet past the idle time, and routes them nothing', async () => {
    const site = h.demo.siteId;
    await h.configureSite({ autoAwaySeconds: 5 });
    try {
      // A console that says nothing after connecting, as a closed laptop's would.
      const quiet = await h.newAgent({ name: 'Laptop Closed', skills });
      const told = quiet.next<{ status: string }>('agent:status', (p) => p.status === 'away', 120_000);
      await waitUntil(
        'the quiet agent set away',
        () => h.cascade.agents.chosenStatus(quiet.agentId),
        (s) => s === 'away',
        { timeoutMs: 120_000 },
      );
      await told;
      expect(await h.cascade.routing.online(site)).not.toContain(quiet.agentId);
      await waitUntil(
        'away time counted',
        async () => (await h.cascade.statusTime.between(site, 0, Date.now())).find((t) => t.agentId === quiet.agentId),
        (t) => (t?.seconds.away ?? 0) > 0,
        { timeoutMs: 60_000 },
      );

      const { visitor, conversationId } = await askForPerson();
      expect(await h.cascade.routing.assignee(site, conversationId)).toBeNull();
      visitor.close();
      quiet.close();
    } finally {
      await h.configureSite({ autoAwaySeconds: 600 });
    }
  }, 240_000);
});

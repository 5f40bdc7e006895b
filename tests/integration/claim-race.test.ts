import type { ChatSummary, ConversationView } from '@cascade/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

it('gives a waiting chat to exactly one of two agents who come online at the same moment', async () => {
  const lina = await h.agent('lina@cedar.example');
  const omid = await h.agent('omid@cedar.example');
  await Promise.all([lina.ok('agent:status', { status: 'away' }), omid.ok('agent:status', { status: 'away' })]);

  const visitor = await h.visitor();
  const waiting = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
  expect(waiting.conversation.state).toBe('offered_ticket');
  await visitor.ok('conversation:keep-waiting', {});

  await Promise.all([lina.ok('agent:status', { status: 'online' }), omid.ok('agent:status', { status: 'online' })]);
  const winner = await Promise.race([
    lina.next<ChatSummary>('chat:assigned').then(() => 'lina'),
    omid.next<ChatSummary>('chat:assigned').then(() => 'omid'),
  ]);
  await visitor.next<ConversationView>('conversation:update', (c) => c.state === 'assigned');
  const loser = winner === 'lina' ? omid : lina;
  const inbox = await loser.ok<{ mine: ChatSummary[] }>('inbox:get', {});
  expect(inbox.mine).toHaveLength(0);
  expect(loser.seen('chat:assigned')).toHaveLength(0);
  await Promise.all([lina.ok('agent:status', { status: 'away' }), omid.ok('agent:status', { status: 'away' })]);
});

it('never assigns one chat twice when many claims run at once', async () => {
  const site = await h.cascade.sites.get(h.demo.siteId);
  if (!site) throw new Error('no demo site');
  const agent = await h.agent('sara@cedar.example');
  await agent.ok('agent:status', { status: 'away' });
  const visitor = await h.visitor();
  await visitor.ok('conversation:escalate', {});
  await h.cascade.routing.setOnline(site.id, (await h.cascade.agents.byEmail('sara@cedar.example'))!.agent.id);
  const results = await Promise.all(Array.from({ length: 20 }, () => h.cascade.waterfall.runClaims(site.id, site)));
  expect(results.flat()).toHaveLength(1);
});

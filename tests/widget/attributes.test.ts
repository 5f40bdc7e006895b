import { readFileSync } from 'node:fs';
import type { AgentSkill, ChatSummary, KbEntry } from '@cascade/shared';
import { SignJWT } from 'jose';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { assertConsoleBuilt, openConsole } from '../console/console-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { openChat, openDemo, sendMessage } from '../support/widget-page.ts';
import { SCENARIO_TIMEOUT_MS, waitUntil } from '../support/waits.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

const kb = JSON.parse(
  readFileSync(new URL('../../server/src/demo/knowledge-base.json', import.meta.url), 'utf8'),
) as KbEntry[];
const delivery = kb.find((e) => e.id === 'delivery-times')!.content.en!;
const skills: AgentSkill[] = [
  { skill: 'shipping', level: 1 },
  { skill: 'general', level: 1 },
];

/** A visitor on the demo page whose page set `attributes` (if any) before the chat loaded, asking for a person. */
async function visitorAsking(attributes?: Record<string, string | number>): Promise<Page> {
  const page = await openDemo(stage.browser, stage.h.url);
  if (attributes) {
    await page.evaluate((a) => {
      (window as unknown as { Cascade: (...args: unknown[]) => void }).Cascade('set', a);
    }, attributes);
  }
  await openChat(page);
  await sendMessage(page, delivery.question);
  await page.locator('.row:not(.me) .bubble', { hasText: delivery.answer }).waitFor();
  await page.getByRole('button', { name: 'Talk to a person' }).first().click();
  return page;
}

/** The conversation the visitor of `page` is in, once the store has it in `state`. */
async function conversationOf(page: Page, state: string) {
  const visitorId = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith(':token'));
    return key ? localStorage.getItem(key) : null;
  });
  const visitor = visitorId ? await stage.h.cascade.visitors.byToken(visitorId) : null;
  if (!visitor) throw new Error('the widget holds no visitor token');
  const c = await waitUntil(
    `a ${state} conversation`,
    async () => (await stage.h.cascade.conversations.ofVisitor(visitor.siteId, visitor.visitorId, 1))[0],
    (c) => c?.state === state,
  );
  return c!;
}

describe('visitor attributes', () => {
  it(
    'puts a plan=pro visitor ahead of one who came first, by the site’s rule',
    async () => {
      await stage.h.configureSite({ priorityRules: [{ when: 'attribute', key: 'plan', value: 'pro', priority: 5 }] });
      // One agent, busy with one chat at a time: the others wait in line instead of being offered a ticket.
      const agent = await stage.h.newAgent({ skills, maxChats: 1 });
      const first = await visitorAsking();
      const busy = await agent.next<ChatSummary>('chat:assigned');
      const plain = await visitorAsking({ plan: 'free' });
      const pro = await visitorAsking({ plan: 'pro', orderId: 1042 });
      const [plainChat, proChat] = [await conversationOf(plain, 'queued'), await conversationOf(pro, 'queued')];
      expect(proChat.priority).toBe(5);
      expect(plainChat.priority).toBe(0);
      expect(await stage.h.cascade.routing.waiting(stage.h.demo.siteId)).toEqual([proChat.id, plainChat.id]);

      // The agent's slot frees: the pro visitor is next, and the agent sees what the page said.
      const next = agent.next<ChatSummary>('chat:assigned');
      await agent.ok('chat:resolve', { conversationId: busy.conversation.id });
      const given = await next;
      expect(given.conversation.id).toBe(proChat.id);
      expect(given.visitor.attributes).toEqual({ plan: 'pro', orderId: '1042' });

      await agent.ok('chat:resolve', { conversationId: proChat.id });
      await agent.next<ChatSummary>('chat:assigned', (c) => c.conversation.id === plainChat.id);
      await agent.ok('chat:resolve', { conversationId: plainChat.id });
      await agent.ok('agent:status', { status: 'away' });
      agent.close();
      await stage.h.configureSite({ priorityRules: [] });
      for (const p of [first, plain, pro]) await p.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'shows the agent what the page set, beside the visitor’s details',
    async () => {
      const console = await openConsole(stage.browser, stage.h, 'lina@cedar.example');
      const page = await visitorAsking({ plan: 'pro', orderId: '1042' });
      await console.locator('.chat-item').first().click();
      const details = console.getByRole('complementary', { name: en['context.label'] });
      await details.getByText(en['context.attributes']).waitFor();
      await details.getByText('orderId').waitFor();
      await details.getByText('1042').waitFor();

      await console.context().close();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it('takes the identity token’s own claims, and refuses bad attributes without changing what is stored', async () => {
    const secrets = await stage.h.cascade.sites.secrets(stage.h.demo.siteId);
    const identity = await new SignJWT({ name: 'Maya', plan: 'pro', seats: 12 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('maya-1')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(secrets!.identitySecret));
    const visitor = await stage.h.visitor({ identity });
    const { visitorId } = await visitor.ok<{ visitorId: string }>('hello', { after: null, page: null });
    const stored = () => stage.h.cascade.visitors.get(stage.h.demo.siteId, visitorId);
    await visitor.ok('attributes:set', { attributes: { orderId: 1042, seats: null } });
    expect((await stored())?.attributes).toEqual({ plan: 'pro', orderId: '1042' });

    const many = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`k${i}`, 'v']));
    for (const attributes of [many, { 'bad key': 'x' }, { plan: { nested: true } }, { plan: 'x'.repeat(201) }]) {
      const r = await visitor.request('attributes:set', { attributes });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    expect((await stored())?.attributes).toEqual({ plan: 'pro', orderId: '1042' });
    visitor.close();
  });
});

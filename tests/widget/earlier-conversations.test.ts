import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AgentSkill, ChatSummary, KbEntry } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { composer, openChat, openDemo, sendMessage } from '../support/widget-page.ts';

const stage = serverAndBrowser();
const skills: AgentSkill[] = [
  { skill: 'shipping', level: 1 },
  { skill: 'general', level: 1 },
];
const kb = JSON.parse(
  readFileSync(new URL('../../server/src/demo/knowledge-base.json', import.meta.url), 'utf8'),
) as KbEntry[];
const international = kb.find((e) => e.id === 'international-shipping')!.content.en!;

describe('earlier conversations', () => {
  it(
    'lets a returning visitor read an earlier conversation, then go back to the chat',
    async () => {
      const agent = await stage.h.newAgent({ skills, name: 'Rana' });
      const page = await openDemo(stage.browser, stage.h.url);
      await openChat(page);
      await page.getByRole('button', { name: 'Talk to a person' }).first().waitFor();
      // A first-time visitor has nothing earlier to open.
      expect(await page.getByRole('button', { name: 'Earlier conversations' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Talk to a person' }).first().click();
      await sendMessage(page, 'My parcel never came');
      const chat = await agent.next<ChatSummary>('chat:assigned');
      await agent.ok('chat:send', {
        conversationId: chat.conversation.id,
        clientMsgId: randomUUID(),
        text: 'A new parcel is on its way',
      });
      await page.locator('.row:not(.me) .bubble', { hasText: 'A new parcel is on its way' }).waitFor();
      await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
      await page.getByText('How was this chat?').waitFor();

      // A new conversation: the old one is now an earlier one.
      await composer(page).fill(international.question);
      await page.locator('button.send').click();
      await page.locator('.row:not(.me) .bubble', { hasText: international.answer }).waitFor();

      await page.getByRole('button', { name: 'Earlier conversations' }).click();
      const item = page.getByRole('button', { name: /My parcel never came/ });
      await item.click();
      await page.locator('.row:not(.me) .bubble', { hasText: 'A new parcel is on its way' }).waitFor();
      // Read-only: no composer while an earlier conversation is shown.
      expect(await composer(page).count()).toBe(0);
      await page.getByRole('button', { name: 'Back to the list' }).click();
      await item.waitFor();
      // The current conversation is not in the list of earlier ones.
      expect(await page.getByRole('button', { name: new RegExp(international.question) }).count()).toBe(0);
      await page.getByRole('button', { name: 'Back to the chat' }).click();
      await page.locator('.row:not(.me) .bubble', { hasText: international.answer }).waitFor();
      await composer(page).waitFor();

      await agent.ok('agent:status', { status: 'away' });
      agent.close();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it('tells the widget whether the visitor has anything earlier, so a newcomer is not offered an empty list', async () => {
    const agent = await stage.h.newAgent({ skills, name: 'Omid' });
    const v = await stage.h.visitor();
    const hello = () => v.ok<{ earlier?: boolean }>('hello', { after: null, page: null });
    expect((await hello()).earlier).toBe(false);
    await v.ok('message:send', { clientMsgId: randomUUID(), text: 'where is my order' });
    await v.ok('conversation:escalate', {});
    const chat = await agent.next<ChatSummary>('chat:assigned');
    // The open conversation is the current one, not an earlier one.
    expect((await hello()).earlier).toBe(false);
    await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
    await v.ok('message:send', { clientMsgId: randomUUID(), text: 'one more thing' });
    expect((await hello()).earlier).toBe(true);
    await agent.ok('agent:status', { status: 'away' });
    agent.close();
  });

  it('never shows one visitor another visitor’s conversation', async () => {
    const owner = await stage.h.visitor();
    const sent = await owner.ok<{ conversation: { id: string } }>('message:send', {
      clientMsgId: randomUUID(),
      text: 'my private question',
    });
    const stranger = await stage.h.visitor();
    const open = await stranger.request('earlier:open', { conversationId: sent.conversation.id });
    expect(open).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const list = await stranger.ok<{ conversations: unknown[] }>('earlier:list', {});
    expect(list.conversations).toEqual([]);
    // The owner's open conversation is the current one, not an earlier one.
    expect((await owner.ok<{ conversations: unknown[] }>('earlier:list', {})).conversations).toEqual([]);
    const bad = await owner.request('earlier:open', { conversationId: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});

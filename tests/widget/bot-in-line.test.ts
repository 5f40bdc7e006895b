import { readFileSync } from 'node:fs';
import type { AgentSkill, ChatDetail, ChatSummary, KbEntry } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { openChat, openDemo, sendMessage } from '../support/widget-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser();
const general: AgentSkill[] = [
  { skill: 'shipping', level: 1 },
  { skill: 'general', level: 1 },
];

const kb = JSON.parse(
  readFileSync(new URL('../../server/src/demo/knowledge-base.json', import.meta.url), 'utf8'),
) as KbEntry[];
const entry = (id: string) => kb.find((e) => e.id === id)!.content.en!;

describe('the bot while the visitor waits in line', () => {
  it(
    'answers what it knows without moving the visitor, and the agent who joins sees it',
    async () => {
      const first = entry('delivery-times');
      const later = entry('shipping-costs');
      const page = await openDemo(stage.browser, stage.h.url);
      await openChat(page);
      await sendMessage(page, first.question);
      await page.locator('.row:not(.me) .bubble', { hasText: first.answer }).waitFor();

      // Nobody is online: the visitor chooses to wait in line all the same.
      await page.getByRole('button', { name: 'Talk to a person' }).first().click();
      await page.getByRole('button', { name: 'Keep waiting' }).click();
      await page.getByText('You are number 1 in line.').waitFor();
      const [id] = await stage.h.cascade.routing.waiting(stage.h.demo.siteId);
      expect(await stage.h.cascade.conversations.get(id!)).toMatchObject({ state: 'queued' });

      // Asking for a person again changes nothing: they already wait for one.
      await sendMessage(page, 'I want to talk to a person');
      await sendMessage(page, later.question);
      await page.locator('.row:not(.me) .bubble', { hasText: later.answer }).waitFor();
      const stored = await stage.h.cascade.conversations.get(id!);
      expect(stored).toMatchObject({ state: 'queued', agentId: null });
      expect(stored?.queuedAt).not.toBeNull();
      // No "That helped" / "Talk to a person" under an answer given in line.
      expect(await page.getByRole('button', { name: 'Talk to a person' }).count()).toBe(0);

      const agent = await stage.h.newAgent({ skills: general, name: 'Rana' });
      const chat = await agent.next<ChatSummary>('chat:assigned');
      expect(chat.conversation.id).toBe(id);
      await page.getByText('Rana joined the chat.').waitFor();
      const { chat: detail } = await agent.ok<{ chat: ChatDetail }>('chat:open', { conversationId: id });
      const spoken = detail.messages.filter((m) => m.author !== 'system');
      const asked = spoken.findIndex((m) => m.text === later.question);
      expect(asked).toBeGreaterThan(0);
      expect(spoken[asked + 1]).toMatchObject({ author: 'bot', text: later.answer, bot: { kind: 'answer' } });
      // The request for a person got no bot reply of its own.
      const request = spoken.findIndex((m) => m.text === 'I want to talk to a person');
      expect(spoken[request + 1]?.text).toBe(later.question);

      await agent.ok('chat:resolve', { conversationId: id! });
      await agent.ok('agent:status', { status: 'away' });
      agent.close();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

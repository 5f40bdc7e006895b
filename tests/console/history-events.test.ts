import type { ChatSummary, ConversationSearchResult, TicketSummary } from '@cascade/shared';
import { parseCsvRows } from '@cascade/shared/csv';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { restClient } from '../support/rest.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS, waitUntil } from '../support/waits.ts';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';
import { escalateTo, followUp, namedVisitor, reply } from './scenario.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

/** Lina takes a chat and passes it up a level with a note; Omid makes it a ticket. Waits until it is archived. */
async function passedOnChat(): Promise<{ id: string; ticket: TicketSummary }> {
  const { h } = stage;
  const lina = await h.agent('lina@cedar.example');
  const omid = await h.agent('omid@cedar.example');
  await omid.ok('agent:status', { status: 'away' });
  const visitor = await namedVisitor(h, 'Reza Tehrani');
  const chat = await escalateTo(visitor, lina);
  const id = chat.conversation.id;
  await reply(lina, id, 'Let me pass you to a colleague.');
  await omid.ok('agent:status', { status: 'online' });
  await lina.ok('chat:transfer', { conversationId: id, level: 2, note: 'Refund over the limit' });
  await omid.next<ChatSummary>('chat:assigned', (c) => c.conversation.id === id);
  await reply(omid, id, 'The warehouse will call you.');
  const ticket = await followUp(omid, id, 'Call about the refund');
  const sara = restClient(h.url, await h.login('sara@cedar.example'));
  await waitUntil(
    'the chat archived',
    async () => (await sara.get<ConversationSearchResult>('/api/conversations?siteId=demo')).body.conversations,
    (hits) => hits.some((hit) => hit.conversation.id === id),
    { timeoutMs: STEP_TIMEOUT_MS },
  );
  await sara.post(`/api/conversations/${id}/tags`, { tag: 'refund' });
  for (const client of [lina, omid, visitor]) client.close();
  return { id, ticket };
}

/** The transcript's lines, top to bottom. */
async function lines(page: Page): Promise<string[]> {
  const items = page.getByRole('log').locator('.messages > li');
  return (await items.allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
}

/** Where the first line holding `text` is; every line is expected to be there. */
const at = (all: string[], text: string | RegExp) =>
  all.findIndex((l) => (typeof text === 'string' ? l.includes(text) : text.test(l)));

describe('a past conversation’s events and the range’s exports in the console', () => {
  it(
    'interleaves who joined, the transfer with its note and the ticket in the transcript, in English and Persian',
    async () => {
      const { id, ticket } = await passedOnChat();

      const page = await openConsole(stage.browser, stage.h, 'sara@cedar.example', { hash: `#/conversations/${id}` });
      await page.getByRole('heading', { name: 'Conversation with Reza Tehrani' }).waitFor();
      const transcript = page.getByRole('log', { name: 'Transcript' });
      await showsText(transcript, `Ticket #${ticket.number} created`);
      const en = await lines(page);
      const order = [
        at(en, 'The visitor asked for a person'),
        at(en, 'Lina Haddad joined the chat'),
        at(en, 'Let me pass you to a colleague.'),
        at(en, /Transferred to .+, level 2.*Refund over the limit/),
        at(en, 'Omid Rahimi joined the chat'),
        at(en, 'The warehouse will call you.'),
        at(en, `Ticket #${ticket.number} created`),
      ];
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      // Labels, never the codes the server stores.
      expect(en.some((l) => /\b(escalated|claimed|transferred|ticketed|no_agent)\b/.test(l))).toBe(false);

      const fa = await openConsole(stage.browser, stage.h, 'sara@cedar.example', {
        locale: 'fa',
        hash: `#/conversations/${id}`,
      });
      await fa.getByRole('heading', { name: 'گفتگو با Reza Tehrani' }).waitFor();
      await showsText(fa.getByRole('log', { name: 'متن گفتگو' }), 'ساخته شد');
      const faLines = await lines(fa);
      const faOrder = [
        at(faLines, 'بازدیدکننده پشتیبان خواست'),
        at(faLines, 'Lina Haddad به گفتگو پیوست'),
        at(faLines, /منتقل شد به .+، سطح .*Refund over the limit/),
        at(faLines, 'Omid Rahimi به گفتگو پیوست'),
        at(faLines, /تیکت شماره .+ ساخته شد/),
      ];
      expect(faOrder.every((i) => i >= 0)).toBe(true);
      expect([...faOrder].sort((a, b) => a - b)).toEqual(faOrder);
      expect(await fa.locator('main').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'offers the conversations, agents and tags of the range as CSV, in English and Persian',
    async () => {
      // The range holds the one chat of the test above, on this file's own server.
      const page = await openConsole(stage.browser, stage.h, 'sara@cedar.example', { hash: '#/conversations' });
      const numbers = page.getByRole('region', { name: 'Numbers for the range' });
      await numbers.getByRole('table', { name: 'By tag' }).getByRole('row').filter({ hasText: 'refund' }).waitFor();
      const files: Record<string, string[][]> = {};
      for (const [name, kind] of [
        ['Download CSV', 'conversations'],
        ['Agents as CSV', 'agents'],
        ['Tags as CSV', 'tags'],
      ] as const) {
        const href = (await numbers.getByRole('link', { name }).getAttribute('href')) ?? '';
        expect(href).toContain(`/api/history/${kind}.csv?siteId=demo`);
        const res = await page.context().request.get(new URL(href, stage.h.url).toString());
        expect(res.status()).toBe(200);
        files[kind] = parseCsvRows(await res.text());
      }
      expect(files.agents?.find((r) => r[1] === 'Lina Haddad')?.[5]).toBe('1');
      expect(files.agents?.find((r) => r[1] === 'Omid Rahimi')?.slice(2, 5)).toEqual(['1', '0', '1']);
      expect(files.tags?.slice(1)).toEqual([['refund', '1', '0', '1', '0', '0', '']]);

      const fa = await openConsole(stage.browser, stage.h, 'sara@cedar.example', {
        locale: 'fa',
        hash: '#/conversations',
      });
      const faNumbers = fa.getByRole('region', { name: 'آمار بازه' });
      for (const [name, kind] of [
        ['دریافت CSV', 'conversations'],
        ['کارشناسان به صورت CSV', 'agents'],
        ['برچسب‌ها به صورت CSV', 'tags'],
      ] as const) {
        const link = faNumbers.getByRole('link', { name });
        await link.waitFor();
        expect(await link.getAttribute('href')).toContain(`/api/history/${kind}.csv?siteId=demo`);
      }
    },
    SCENARIO_TIMEOUT_MS,
  );
});

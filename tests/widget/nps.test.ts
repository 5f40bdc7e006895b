import { randomUUID } from 'node:crypto';
import type { AgentSkill, ChatSummary } from '@cascade/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endStrings } from '../../widget/src/locales/end.ts';
import { catalogue as enWidget, openChat as openEn } from '../../widget/src/locales/en.ts';
import { catalogue as faWidget, openChat as openFa } from '../../widget/src/locales/fa.ts';
import { seriousAxeFindings } from '../support/axe.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, waitUntil } from '../support/waits.ts';
import { openDemo } from '../support/widget-page.ts';

const stage = serverAndBrowser();
// Whatever line the bot guesses for the question, this agent may take it.
const skills: AgentSkill[] = ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({
  skill,
  level: 1,
}));
const catalogues = { en: enWidget, fa: faWidget };
const opens = { en: openEn, fa: openFa };
const persianDigits = (n: number) => new Intl.NumberFormat('fa-u-nu-arabext').format(n);

const cascade = (page: Page, ...args: unknown[]) =>
  page.evaluate((a) => (window as unknown as { Cascade: (...args: unknown[]) => void }).Cascade(...a), args);

/** A chat that an agent joins and ends; resolves to its id once the visitor's panel says it ended. */
async function chatThatEnds(page: Page, locale: 'en' | 'fa', text: string): Promise<string> {
  const c = catalogues[locale];
  const agent = await stage.h.newAgent({ skills, name: 'Nika' });
  await page.getByRole('button', { name: c['human.ask'] }).first().click();
  await page.getByPlaceholder(c['composer.placeholder']).fill(text);
  await page.keyboard.press('Enter');
  const chat = await agent.next<ChatSummary>('chat:assigned');
  await agent.ok('chat:send', { conversationId: chat.conversation.id, clientMsgId: randomUUID(), text: 'Done' });
  await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
  await agent.ok('agent:status', { status: 'away' });
  agent.close();
  return chat.conversation.id;
}

describe('the NPS question after a chat', () => {
  beforeAll(() => stage.h.configureSite({ nps: { periodDays: 90, replacesCsat: false } }));
  afterAll(() => stage.h.configureSite({ nps: null }));

  it.each(['en', 'fa'] as const)(
    'asks 0-10 beside the stars, answered by keyboard, in the visitor’s language (%s)',
    async (locale) => {
      const s = endStrings[locale];
      const page = await openDemo(stage.browser, stage.h.url);
      await cascade(page, 'setLocale', locale);
      await page.getByRole('button', { name: opens[locale] }).click();
      const id = await chatThatEnds(page, locale, 'Where is my parcel?');

      // The site's name sits bidi-isolated inside the question: matched by the words before it.
      const title = new RegExp(s['nps.title'].split('{site}')[0]!.trim());
      const question = page.getByRole('group', { name: title });
      await question.waitFor();
      await page.getByRole('group', { name: s['rate.title'] }).waitFor();
      expect(await page.locator('.panel').getAttribute('dir')).toBe(locale === 'fa' ? 'rtl' : 'ltr');
      // The visitor's digits, 0 to 10.
      const zero = locale === 'fa' ? persianDigits(0) : '0';
      expect((await question.locator('label [aria-hidden]').first().innerText()).trim()).toBe(zero);
      expect(await question.getByRole('radio').count()).toBe(11);
      expect(await seriousAxeFindings(page)).toEqual([]);

      // Keyboard only: into the group, arrows to 9, then to the button.
      await question.getByRole('radio').first().focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowDown');
      const form = page.locator('form.rate', { has: question });
      await form.getByRole('textbox').fill('Quick and kind');
      await form.getByRole('button', { name: s['rate.submit'] }).press('Enter');
      await page.getByText(s['rate.thanks']).waitFor();

      const stored = await waitUntil(
        'the answer stored with the conversation',
        () => stage.h.cascade.conversations.get(id),
        (c) => c?.nps !== undefined,
      );
      expect(stored?.nps).toMatchObject({ score: 9, comment: 'Quick and kind' });

      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it('asks one visitor once per period: the next chat gets the stars only', async () => {
    type Reply = { conversation: { id: string; canRate: boolean; canNps?: boolean } };
    const v = await stage.h.visitor();
    const endChat = async (text: string) => {
      const agent = await stage.h.newAgent({ skills, name: 'Reza' });
      await v.ok('message:send', { clientMsgId: randomUUID(), text });
      await v.ok('conversation:escalate', {});
      const chat = await agent.next<ChatSummary>('chat:assigned');
      await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
      await agent.ok('agent:status', { status: 'away' });
      agent.close();
      return (await v.ok<Reply>('hello', { after: null, page: null })).conversation;
    };
    const first = await endChat('first question');
    expect(first).toMatchObject({ canRate: true, canNps: true });
    await v.ok('conversation:nps', { score: 3 });
    expect(await v.request('conversation:nps', { score: 4 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const second = await endChat('second question');
    expect(second.id).not.toBe(first.id);
    expect(second.canRate).toBe(true);
    expect(second.canNps).toBeUndefined();
    expect(await v.request('conversation:nps', { score: 9 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    v.close();
  });

  it('refuses an answer out of range or before the chat ends', async () => {
    const v = await stage.h.visitor();
    await v.ok('message:send', { clientMsgId: randomUUID(), text: 'hello' });
    expect(await v.request('conversation:nps', { score: 11 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await v.request('conversation:nps', { score: 8 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });
    v.close();
  });
});

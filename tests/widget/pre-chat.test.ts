import { randomUUID } from 'node:crypto';
import type { PreChat } from '@cascade/shared';
import { SignJWT } from 'jose';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { catalogue as enWidget } from '../../widget/src/locales/en.ts';
import { catalogue as faWidget } from '../../widget/src/locales/fa.ts';
import { preChatStrings } from '../../widget/src/locales/pre-chat.ts';
import { assertConsoleBuilt, openConsole } from '../console/console-page.ts';
import { seriousAxeFindings } from '../support/axe.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { composer, openDemo, sendMessage } from '../support/widget-page.ts';
import { browserContext, SCENARIO_TIMEOUT_MS, waitUntil } from '../support/waits.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

const form: PreChat = {
  when: 'first_message',
  fields: [
    { id: 'name_1', kind: 'name', required: true, label: { en: 'Your name', ar: 'اسمك', fa: 'نام شما' } },
    { id: 'email_1', kind: 'email', required: true, label: { en: 'Email address', fa: 'نشانی ایمیل' } },
    {
      id: 'choice_1',
      kind: 'choice',
      required: false,
      label: { en: 'Topic', fa: 'موضوع' },
      options: ['Orders', 'Returns'],
    },
  ],
};

const cases = {
  en: { name: 'Your name', email: 'Email address', topic: 'Topic', open: 'Open chat', who: 'Dana Noor' },
  fa: { name: 'نام شما', email: 'نشانی ایمیل', topic: 'موضوع', open: 'باز کردن گفتگو', who: 'سیما راد' },
} as const;

const catalogues = { en: enWidget, fa: faWidget };

const cascade = (page: Page, ...args: unknown[]) =>
  page.evaluate((a) => (window as unknown as { Cascade: (...args: unknown[]) => void }).Cascade(...a), args);

/** The visitor record behind the widget of `page`. */
async function visitorOf(page: Page) {
  const token = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith(':token'));
    return key ? localStorage.getItem(key) : null;
  });
  const ref = token ? await stage.h.cascade.visitors.byToken(token) : null;
  return ref ? stage.h.cascade.visitors.get(ref.siteId, ref.visitorId) : null;
}

describe('the pre-chat form', () => {
  beforeAll(() => stage.h.configureSite({ preChat: form }));
  afterAll(() => stage.h.configureSite({ preChat: null }));

  it.each(['en', 'fa'] as const)(
    'asks before the first message, blocks until required fields are given, and is not asked again (%s)',
    async (locale) => {
      const s = cases[locale];
      const strings = preChatStrings[locale];
      const page = await openDemo(stage.browser, stage.h.url);
      await cascade(page, 'setLocale', locale);
      await page.getByRole('button', { name: s.open }).click();
      const start = page.getByRole('button', { name: strings.submit });
      await start.waitFor();
      expect(await page.locator('.panel').getAttribute('dir')).toBe(locale === 'fa' ? 'rtl' : 'ltr');
      const box = page.getByPlaceholder(catalogues[locale]['composer.placeholder']);
      expect(await box.count()).toBe(0);

      // Required fields empty: the browser keeps the form, and nothing is stored.
      await start.click();
      await page.getByLabel(s.name).fill(s.who);
      await start.click();
      expect(await page.getByLabel(s.name).evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(true);
      expect(await page.getByLabel(s.email).evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
      expect((await visitorOf(page))?.preChat).toBeUndefined();

      await page.getByLabel(s.email).fill('dana@customers.example');
      await page.getByLabel(s.topic).selectOption('Returns');
      await start.click();
      await box.waitFor();
      const visitor = await waitUntil(
        'the answers stored',
        () => visitorOf(page),
        (v) => v?.preChat !== undefined,
      );
      expect(visitor).toMatchObject({ name: s.who, email: 'dana@customers.example' });
      expect(visitor?.preChat).toEqual([
        { field: 'name_1', kind: 'name', label: s.name, value: s.who },
        { field: 'email_1', kind: 'email', label: s.email, value: 'dana@customers.example' },
        { field: 'choice_1', kind: 'choice', label: s.topic, value: 'Returns' },
      ]);

      // A new page load is the same visitor: straight to the chat.
      await page.reload();
      await cascade(page, 'setLocale', locale);
      await box.waitFor();
      expect(await start.count()).toBe(0);
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'shows the answers to the agent, and uses them for the next conversation without asking',
    async () => {
      const agent = await openConsole(stage.browser, stage.h, 'lina@cedar.example');
      const page = await openDemo(stage.browser, stage.h.url);
      await page.getByRole('button', { name: 'Open chat' }).click();
      await page.getByLabel('Your name').fill('Omid Farahani');
      await page.getByLabel('Email address').fill('omid@customers.example');
      await page.getByRole('button', { name: preChatStrings.en.submit }).click();
      await sendMessage(page, 'I need a person, please');
      await page.getByRole('button', { name: 'Talk to a person' }).first().click();

      await agent.locator('.chat-item', { hasText: 'Omid Farahani' }).click();
      const details = agent.getByRole('complementary', { name: en['context.label'] });
      await details.getByText(en['context.preChat']).waitFor();
      await details.getByText('omid@customers.example').first().waitFor();

      // The agent ends the chat; the visitor's next conversation starts with no form.
      await agent.getByRole('button', { name: en['actions.resolve'] }).click();
      await page.getByText('The chat has ended.').first().waitFor();
      await composer(page).fill('One more question');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.locator('.row.me .bubble', { hasText: 'One more question' }).waitFor();
      expect(await page.getByRole('button', { name: preChatStrings.en.submit }).count()).toBe(0);
      await agent.context().close();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'takes answers given before the connection is up, and sends them once it is',
    async () => {
      const context = await browserContext(stage.browser, { viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // A slow network: nothing the server says reaches the widget until `release`.
      const held: (() => void)[] = [];
      let holding = true;
      await page.routeWebSocket(/\/socket\.io\//, (ws) => {
        const server = ws.connectToServer();
        server.onMessage((message) => {
          if (holding) held.push(() => ws.send(message));
          else ws.send(message);
        });
      });
      await page.goto(`${stage.h.url}/demo`);
      await page.getByRole('button', { name: 'Open chat' }).click();
      await page.getByLabel('Your name').fill('Leila Karimi');
      await page.getByLabel('Email address').fill('leila@customers.example');
      await page.getByRole('button', { name: preChatStrings.en.submit }).click();

      holding = false;
      for (const send of held.splice(0)) send();
      await composer(page).waitFor();
      expect(await page.getByText(enWidget['error.generic']).count()).toBe(0);
      const visitor = await waitUntil(
        'the answers stored',
        () => visitorOf(page),
        (v) => v?.preChat !== undefined,
      );
      expect(visitor).toMatchObject({ name: 'Leila Karimi', email: 'leila@customers.example' });
      await context.close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'asks only before reaching a person when the site says so, then connects',
    async () => {
      await stage.h.configureSite({ preChat: { ...form, when: 'before_person' } });
      const page = await openDemo(stage.browser, stage.h.url);
      await page.getByRole('button', { name: 'Open chat' }).click();
      await sendMessage(page, 'How long does delivery take?');
      await page.getByRole('button', { name: 'Talk to a person' }).first().click();
      await page.getByLabel('Your name').fill('Rana');
      await page.getByLabel('Email address').fill('rana@customers.example');
      await page.getByRole('button', { name: preChatStrings.en.submit }).click();
      await waitUntil(
        'the chat to leave the bot',
        async () =>
          (await stage.h.cascade.conversations.ofVisitor(stage.h.demo.siteId, (await visitorOf(page))!.id, 1))[0],
        (c) => c !== undefined && c.state !== 'bot',
      );
      expect((await visitorOf(page))?.name).toBe('Rana');
      await stage.h.configureSite({ preChat: form });
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'is skipped for a visitor the site identified',
    async () => {
      const secrets = await stage.h.cascade.sites.secrets(stage.h.demo.siteId);
      const token = await new SignJWT({ name: 'Maya', email: 'maya@customers.example' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('maya-7')
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(secrets!.identitySecret));
      const page = await openDemo(stage.browser, stage.h.url);
      await cascade(page, 'identify', { token });
      await page.getByRole('button', { name: 'Open chat' }).click();
      await sendMessage(page, 'Hello there');
      await page.locator('.row.me .bubble', { hasText: 'Hello there' }).waitFor();
      expect(await page.getByRole('button', { name: preChatStrings.en.submit }).count()).toBe(0);
      expect((await visitorOf(page))?.preChat).toBeUndefined();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it('holds the bot’s own handoff until the form is answered, even with an agent free to claim it', async () => {
    await stage.h.configureSite({ preChat: { ...form, when: 'before_person' } });
    const agent = await stage.h.newAgent({ skills: [{ skill: 'general', level: 1 }], name: 'Sara' });
    const visitor = await stage.h.visitor();
    type View = { conversation: { id: string; state: string; preChatFirst?: boolean } };
    const held = visitor.next<View['conversation']>('conversation:update', (c) => c.preChatFirst === true);
    const sent = await visitor.ok<View>('message:send', { clientMsgId: randomUUID(), text: 'talk to a person' });
    expect(await held).toMatchObject({ id: sent.conversation.id, state: 'bot', preChatFirst: true });
    // A reconnect mid-form finds the form still to answer, and nobody has claimed the chat.
    const hello = await visitor.ok<View>('hello', { after: null, page: null });
    expect(hello.conversation).toMatchObject({ state: 'bot', preChatFirst: true });
    expect((await stage.h.cascade.conversations.get(sent.conversation.id))?.agentId).toBeNull();

    await visitor.ok('prechat:submit', { answers: { name_1: 'Parisa', email_1: 'parisa@customers.example' } });
    // The answers resume the handoff: the chat reaches an agent with the name it was given.
    const claimed = await waitUntil(
      'the held handoff to reach an agent',
      () => stage.h.cascade.conversations.get(sent.conversation.id),
      (c) => c?.state === 'assigned',
    );
    const visitorRecord = await stage.h.cascade.visitors.get(stage.h.demo.siteId, claimed!.visitorId);
    expect(visitorRecord).toMatchObject({ name: 'Parisa', email: 'parisa@customers.example' });
    await agent.ok('agent:status', { status: 'away' });
    agent.close();
    visitor.close();
    await stage.h.configureSite({ preChat: form });
  });

  it('refuses bad answers and a second set with an error, and stores nothing from them', async () => {
    const visitor = await stage.h.visitor();
    const { visitorId } = await visitor.ok<{ visitorId: string }>('hello', { after: null, page: null });
    const stored = () => stage.h.cascade.visitors.get(stage.h.demo.siteId, visitorId);
    const before = await stored();
    for (const answers of [
      { name_1: 'Dana' },
      { name_1: 'Dana', email_1: 'not an email' },
      { name_1: 'Dana', email_1: 'dana@customers.example', choice_1: 'Billing' },
      { name_1: 'Dana', email_1: 'dana@customers.example', age: '40' },
    ]) {
      const r = await visitor.request('prechat:submit', { answers });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    expect(await stored()).toEqual(before);
    await visitor.ok('prechat:submit', { answers: { name_1: 'Dana', email_1: 'dana@customers.example' } });
    const answered = await stored();
    const again = await visitor.request('prechat:submit', { answers: { name_1: 'Eve', email_1: 'eve@example.com' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await stored()).toEqual(answered);
    visitor.close();
  });

  it(
    'has no serious or critical axe violation',
    async () => {
      const page = await openDemo(stage.browser, stage.h.url);
      await page.getByRole('button', { name: 'Open chat' }).click();
      await page.getByRole('button', { name: preChatStrings.en.submit }).waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

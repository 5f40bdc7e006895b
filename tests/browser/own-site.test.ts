import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertConsoleBuilt } from '../console/console-page.ts';
import { Mailbox, recipient } from '../delivery/smtp.ts';
import { startFresh, type Fresh } from '../setup/fresh.ts';
import { journal, launchChromium, screenshotPath } from '../support/browser.ts';
import { freePort } from '../support/processes.ts';
import { login, restClient } from '../support/rest.ts';
import { browserContext, SCENARIO_TIMEOUT_MS, waitUntil } from '../support/waits.ts';
import { composer, openChat, sendMessage } from '../support/widget-page.ts';

const owner = { name: 'Nadia Owner', email: 'nadia@shop.example', password: 'a long owner password' };
const agent = { name: 'Lina Agent', email: 'lina@shop.example', password: 'lina chose this one' };
const question = 'How long does delivery take?';
const answer = 'Orders arrive within 3 to 5 working days.';

let mailbox: Mailbox;
let fresh: Fresh;
let browser: Browser;
/** The shop's own page, on another port of loopback: the snippet is pasted into it once there is one. */
let shop: Server;
let shopPort: number;
let snippet = '';

beforeAll(async () => {
  assertConsoleBuilt();
  mailbox = await Mailbox.start();
  shop = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Oak tables</h1>${snippet}</body></html>`,
    );
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopPort = (shop.address() as { port: number }).port;
  [fresh, browser] = await Promise.all([
    freePort().then((port) => startFresh({ SMTP_URL: mailbox.url }, { port })),
    launchChromium(),
  ]);
});

afterAll(async () => {
  // Any of them is unset when the start failed before it.
  const started: Partial<{ browser: Browser; fresh: Fresh; mailbox: Mailbox; shop: Server }> = {
    browser,
    fresh,
    mailbox,
    shop,
  };
  await started.browser?.close();
  await started.fresh?.close();
  await started.mailbox?.close();
  await new Promise((resolve) => started.shop?.close(resolve) ?? resolve(undefined));
});

const linkIn = (text: string) => /https?:\/\/\S+#invite\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';

async function newPage(): Promise<Page> {
  const context = await browserContext(browser, { viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  return context.newPage();
}

it(
  'sets up a new installation from its link, installs the widget on the shop, and an invited agent answers the chat',
  async () => {
    expect(fresh.cascade.setupLink).toMatch(/\/console\/#setup\//);
    const shopOrigin = `http://127.0.0.1:${shopPort}`;

    // The owner follows the link printed at start; the screen also reads right to left in Persian.
    const ownerPage = await newPage();
    const ownerLog = journal(ownerPage);
    await ownerPage.goto(fresh.cascade.setupLink!);
    await ownerPage.getByRole('heading', { name: 'Set up Cascade' }).waitFor();
    await ownerPage.getByRole('combobox', { name: 'Language' }).selectOption('fa');
    await ownerPage.getByRole('heading', { name: 'راه‌اندازی Cascade' }).waitFor();
    await expect.poll(() => ownerPage.locator('html').getAttribute('dir')).toBe('rtl');
    await ownerPage.screenshot({ path: screenshotPath('own-site-setup-fa') });
    await ownerPage.getByRole('combobox', { name: 'زبان' }).selectOption('en');
    await ownerPage.getByRole('heading', { name: 'Set up Cascade' }).waitFor();
    await expect.poll(() => ownerPage.locator('html').getAttribute('dir')).toBe('ltr');

    await ownerPage.getByLabel('Your name').fill(owner.name);
    await ownerPage.getByLabel('Email').fill(owner.email);
    await ownerPage.getByLabel('Password', { exact: true }).fill(owner.password);
    await ownerPage.getByLabel('Password again').fill(owner.password);
    await ownerPage.getByLabel('Site name').fill('Shop');
    await ownerPage.getByLabel('Allowed origins').fill(`${shopOrigin}/`);
    await expect(ownerPage.getByText('an empty list refuses every site').isVisible()).resolves.toBe(true);
    await ownerPage.getByRole('button', { name: 'Create the account and the site' }).click();
    await ownerPage.getByText('Your account and your site are ready.').waitFor();
    await ownerPage.screenshot({ path: screenshotPath('own-site-setup') });
    snippet = (await ownerPage.getByLabel('Script tag', { exact: true }).textContent()) ?? '';
    expect(snippet).toContain(`${fresh.url}/widget.js`);
    await ownerPage.getByRole('button', { name: 'Check my installation' }).click();
    await ownerPage.getByText('The widget has not connected from an allowed origin yet.').waitFor();

    // The same page under another name for the same machine is another origin: refused, and the reason is shown.
    const stray = await newPage();
    const strayLog = journal(stray);
    await stray.goto(`http://localhost:${shopPort}/`);
    await stray
      .getByRole('button', { name: 'Open chat' })
      .click()
      .catch((e: unknown) => {
        throw new Error(`${String(e)}\n${strayLog()}`);
      });
    await stray.getByText('Chat is not available here.').waitFor();
    await stray.context().close();
    await ownerPage.getByRole('button', { name: 'Check my installation' }).click();
    await ownerPage
      .getByText(`refused from http://localhost:${shopPort}: not in the allowed origins`)
      .waitFor()
      .catch((e: unknown) => {
        throw new Error(`${String(e)}\n${ownerLog()}`);
      });

    // The bot needs something to answer from.
    const rest = restClient(fresh.url, await login(fresh.url, owner.email, owner.password));
    const me = await rest.get<{ sites: { id: string }[] }>('/api/auth/me');
    const siteId = me.body.sites[0]!.id;
    const entry = await rest.post(`/api/kb?siteId=${siteId}`, {
      skill: 'general',
      content: { en: { question, phrasings: ['When will my order arrive?'], answer } },
      related: [],
    });
    expect(entry.status).toBe(200);

    // A visitor on the shop's page chats with the bot.
    const visitor = await newPage();
    const visitorLog = journal(visitor);
    await visitor.goto(`${shopOrigin}/`);
    await openChat(visitor);
    await sendMessage(visitor, question);
    await visitor
      .getByText(answer)
      .waitFor()
      .catch((e: unknown) => {
        throw new Error(`${String(e)}\n${visitorLog()}`);
      });

    await ownerPage.getByRole('button', { name: 'Check my installation' }).click();
    await ownerPage.getByText('Installed: the widget connected from an allowed origin').waitFor();
    await ownerPage.getByRole('button', { name: 'Open the console' }).click();

    // The owner invites an agent from the settings.
    await ownerPage.getByRole('link', { name: 'Settings' }).click();
    const invitations = ownerPage.getByRole('region', { name: 'Invitations' });
    await invitations.getByLabel('Email').fill(agent.email);
    await invitations.getByLabel('Role').selectOption('agent');
    await invitations.getByLabel('Level').selectOption('1');
    await invitations.getByRole('button', { name: 'Send invitation' }).click();
    await invitations.getByText(`The invitation was emailed to ${agent.email}.`).waitFor();
    await invitations.getByRole('row', { name: new RegExp(agent.email) }).waitFor();

    const mail = await mailbox.next((m) => recipient(m) === agent.email);
    const link = linkIn(mail.text ?? '');
    expect(link).toContain(`${fresh.url}/console/#invite/`);

    // The agent opens the link in their own browser, chooses a password, joins and is in the console.
    const agentPage = await newPage();
    const agentLog = journal(agentPage);
    await agentPage.goto(link);
    await agentPage.getByText('You are invited to answer chats for Shop as agent.').waitFor();
    await agentPage.getByLabel('Your name').fill(agent.name);
    await agentPage.getByLabel('Password', { exact: true }).fill(agent.password);
    await agentPage.getByLabel('Password again').fill(agent.password);
    await agentPage.getByRole('button', { name: 'Join' }).click();
    await agentPage.getByRole('list', { name: 'My chats' }).waitFor();
    await agentPage.getByRole('combobox', { name: 'Status' }).selectOption('online');
    await waitUntil(
      'the invited agent online on the board',
      async () => (await rest.get<{ agents: { name: string; status: string }[] }>(`/api/board?siteId=${siteId}`)).body,
      (board) => board.agents.some((a) => a.name === agent.name && a.status === 'online'),
    );
    // Used, the invitation leaves the pending list.
    await ownerPage.reload();
    await ownerPage.getByRole('region', { name: 'Invitations' }).getByText('No pending invitations.').waitFor();

    // The visitor asks for a person; the agent gets the chat with the bot part and answers.
    await visitor.getByRole('button', { name: 'Talk to a person' }).first().click();
    await agentPage
      .getByText(question)
      .first()
      .waitFor()
      .catch((e: unknown) => {
        throw new Error(`${String(e)}\n${agentLog()}`);
      });
    await agentPage.getByLabel('Message').fill('Hi, I am Lina. Which order is it?');
    await agentPage.getByRole('button', { name: 'Send' }).click();
    await visitor.getByText('Hi, I am Lina. Which order is it?').waitFor();
    await expect(composer(visitor).isEditable()).resolves.toBe(true);

    await ownerPage.screenshot({ path: screenshotPath('own-site-owner') });
    await agentPage.screenshot({ path: screenshotPath('own-site-agent') });
  },
  SCENARIO_TIMEOUT_MS,
);

it(
  'adds a second site, rotates its key, invites an existing account that accepts after logging in, and removes the site by its name',
  async () => {
    // The installation the first test set up: the owner and Lina have accounts.
    const ownerPage = await newPage();
    await ownerPage.goto(`${fresh.url}/console/#/settings`);
    await ownerPage.getByLabel('Email').fill(owner.email);
    await ownerPage.getByLabel('Password').fill(owner.password);
    await ownerPage.getByRole('button', { name: 'Log in' }).click();
    const sites = ownerPage.getByRole('region', { name: 'Sites' });
    await sites.getByRole('button', { name: 'Add a site…' }).click();
    await sites.getByLabel('Site name').fill('Outlet');
    await sites.getByRole('button', { name: 'Create the site' }).click();
    const ready = sites.getByRole('region', { name: 'Install Outlet' });
    await expect(ready.getByLabel('Script tag', { exact: true }).textContent()).resolves.toContain(
      'data-site-key="pk_',
    );

    await ownerPage.getByRole('combobox', { name: 'Site' }).selectOption({ label: 'Outlet' });
    await ownerPage.locator('.page-head').getByText('Outlet').waitFor();
    const key = sites.getByRole('group', { name: 'Site key' }).locator('code');
    const oldKey = (await key.textContent()) ?? '';
    expect(oldKey).toMatch(/^pk_/);
    await sites.getByRole('button', { name: 'New site key' }).click();
    await sites.getByRole('button', { name: 'Make a new key' }).click();
    await sites.getByText('The site has a new key.').waitFor();
    await waitUntil(
      'the new key on the screen',
      async () => (await key.textContent()) ?? '',
      (shown) => shown !== oldKey && shown.startsWith('pk_'),
    );
    await expect(ownerPage.getByRole('region', { name: 'Script tag' }).textContent()).resolves.toContain(
      (await key.textContent()) ?? '',
    );

    // Lina has an account already: she is asked to accept, after logging in.
    const invitations = ownerPage.getByRole('region', { name: 'Invitations' });
    await invitations.getByLabel('Email').fill(agent.email);
    await invitations.getByLabel('Role').selectOption('supervisor');
    await invitations.getByRole('button', { name: 'Send invitation' }).click();
    await invitations.getByText(`The invitation was emailed to ${agent.email}.`).waitFor();
    const mail = await mailbox.next((m) => recipient(m) === agent.email && (m.text ?? '').includes('#join/'));
    const link = /https?:\/\/\S+#join\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0] ?? '';
    expect(link).toContain(`${fresh.url}/console/#join/`);

    const lina = await newPage();
    await lina.goto(link);
    await lina.getByText('Log in to accept the invitation to Outlet as supervisor.').waitFor();
    await lina.getByLabel('Email').fill(agent.email);
    await lina.getByLabel('Password').fill(agent.password);
    await lina.getByRole('button', { name: 'Log in' }).click();
    const join = lina.getByRole('dialog', { name: 'Join a site' });
    await join.getByRole('button', { name: 'Join' }).click();
    await join.getByText('You joined Outlet as supervisor.').waitFor();

    // Removing asks for the name, typed again.
    await sites.getByRole('button', { name: 'Remove this site' }).click();
    const confirm = sites.getByRole('button', { name: 'Remove the site and everything in it' });
    await sites.getByLabel('Type “Outlet” to confirm').fill('Outle');
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await sites.getByLabel('Type “Outlet” to confirm').fill('Outlet');
    await confirm.click();
    await ownerPage.locator('.page-head').getByText('Shop').waitFor();
    const rest = restClient(fresh.url, await login(fresh.url, owner.email, owner.password));
    const me = await rest.get<{ sites: { name: string }[] }>('/api/auth/me');
    expect(me.body.sites.map((x) => x.name)).toEqual(['Shop']);
  },
  SCENARIO_TIMEOUT_MS,
);

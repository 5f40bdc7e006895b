import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertConsoleBuilt } from '../console/console-page.ts';
import { call, startFresh, tokenOf, type Fresh } from '../setup/fresh.ts';
import { launchChromium } from '../support/browser.ts';
import { freePort } from '../support/processes.ts';
import { browserContext, SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

let fresh: Fresh;
let browser: Browser;

beforeAll(async () => {
  assertConsoleBuilt();
  // No SMTP_URL: invitation links are shown to the admin to hand over.
  [fresh, browser] = await Promise.all([freePort().then((port) => startFresh({}, { port })), launchChromium()]);
});

afterAll(async () => {
  // Either is unset when the start failed before it.
  const started: Partial<{ browser: Browser; fresh: Fresh }> = { browser, fresh };
  await started.browser?.close();
  await started.fresh?.close();
});

it(
  'shows the admin the invitation link when no email can be sent, and the invitee joins from it in Arabic, right to left',
  async () => {
    const setup = await call(fresh.url, 'POST', '/api/setup', {
      token: tokenOf(fresh.cascade.setupLink ?? ''),
      owner: { name: 'Nadia Owner', email: 'nadia@shop.example', password: 'a long owner password' },
      site: { name: 'Shop', allowedOrigins: [], locales: ['en', 'ar'] },
    });
    expect(setup.status).toBe(200);
    const [name = '', value = ''] = (setup.cookie ?? '').split('=');
    const ownerContext = await browserContext(browser, { viewport: { width: 1280, height: 900 } });
    await ownerContext.addCookies([{ name, value, url: fresh.url }]);
    const owner = await ownerContext.newPage();
    await owner.goto(`${fresh.url}/console/#/settings`);

    const invitations = owner.getByRole('region', { name: 'Invitations' });
    await invitations.getByLabel('Email').fill('omid@shop.example');
    await invitations.getByLabel('Role').selectOption('supervisor');
    await invitations.getByLabel('Level').selectOption('2');
    await invitations.getByRole('button', { name: 'Send invitation' }).click();
    await invitations.getByText('No email was sent to omid@shop.example: copy the link and give it to them.').waitFor();
    await invitations.getByRole('button', { name: 'Copy the link' }).waitFor();
    const link = (await invitations.getByLabel('Invitation link').textContent()) ?? '';
    expect(link).toMatch(new RegExp(`^${fresh.url}/console/#invite/[A-Za-z0-9_-]{32,64}$`));
    await invitations.getByRole('row', { name: /omid@shop\.example/ }).waitFor();

    // The invitee's browser speaks Arabic: the screen reads right to left.
    const inviteeContext = await browserContext(browser, { viewport: { width: 1280, height: 900 } });
    await inviteeContext.addInitScript(() => localStorage.setItem('cascade.console.locale', 'ar'));
    const invitee = await inviteeContext.newPage();
    await invitee.goto(link);
    await invitee.getByText('أنت مدعو للرد على محادثات Shop بدور').waitFor();
    expect(await invitee.locator('html').getAttribute('dir')).toBe('rtl');
    await invitee.getByLabel('اسمك').fill('Omid');
    await invitee.getByLabel('كلمة المرور', { exact: true }).fill('omid chose this one');
    await invitee.getByLabel('كلمة المرور مرة أخرى').fill('omid chose this two');
    await invitee.getByRole('button', { name: 'انضمام' }).click();
    await invitee.getByRole('alert').getByText('كلمتا المرور الجديدتان غير متطابقتين.').waitFor();
    await invitee.getByLabel('كلمة المرور مرة أخرى').fill('omid chose this one');
    await invitee.getByRole('button', { name: 'انضمام' }).click();
    await invitee.getByRole('combobox', { name: 'الحالة' }).waitFor();

    await owner.reload();
    await owner.getByRole('region', { name: 'Invitations' }).getByText('No pending invitations.').waitFor();
  },
  SCENARIO_TIMEOUT_MS,
);

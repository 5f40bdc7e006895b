import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';
import { serverAndBrowser } from '../support/stage.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

const outletAdmin = () => stage.h.demos[1]!.accounts.find((a) => a.role === 'admin')!.email;

/** The outlet admin adds an email that already has an account; the page shows the invitation once. */
async function invite(admin: Page, email: string): Promise<{ code: string; link: string }> {
  await admin.getByRole('button', { name: 'Add agent' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Add an agent' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Name').fill('Invited person');
  await dialog.getByLabel('Role').selectOption('supervisor');
  await dialog.getByRole('button', { name: 'Create agent' }).click();
  const panel = admin.getByRole('region', { name: `Invitation for ${email}` });
  await showsText(panel, 'already has a Cascade account');
  const code = (await panel.getByLabel('Invitation code').textContent()) ?? '';
  const link = (await panel.getByLabel('Invitation link').textContent()) ?? '';
  await panel.getByRole('button', { name: 'Done' }).click();
  return { code, link };
}

it('shows an admin the invitation for an existing email, and the person joins by pasting its code', async () => {
  const admin = await openConsole(stage.browser, stage.h, outletAdmin(), { hash: '#/agents' });
  const { code, link } = await invite(admin, 'lina@cedar.example');
  expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(link).toContain(`/console/#join/${code}`);
  // Nothing of Lina's own site shows on the outlet's list.
  await expect(admin.getByRole('table').textContent()).resolves.not.toContain('lina@cedar.example');

  const lina = await openConsole(stage.browser, stage.h, 'lina@cedar.example');
  await lina.getByRole('button', { name: 'Join a site' }).click();
  const dialog = lina.getByRole('dialog', { name: 'Join a site' });
  await dialog.getByLabel('Invitation code or link').fill('not a code');
  await dialog.getByRole('button', { name: 'Join' }).click();
  await showsText(dialog.getByRole('alert'), 'This is not an invitation code or link.');
  await dialog.getByLabel('Invitation code or link').fill(`  ${link}  `);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await showsText(dialog.getByRole('status'), 'You joined Cedar Outlet as supervisor.');
  await dialog.getByRole('button', { name: 'Open the console' }).click();
  await lina.getByRole('combobox', { name: 'Site' }).locator('option', { hasText: 'Cedar Outlet' }).waitFor({
    state: 'attached',
  });

  // The same code a second time is used up.
  await lina.getByRole('button', { name: 'Join a site' }).click();
  await dialog.getByLabel('Invitation code or link').fill(code);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await showsText(dialog.getByRole('alert'), 'was already used');
});

it('opens the join dialog from an invitation link, right to left in Persian', async () => {
  const admin = await openConsole(stage.browser, stage.h, outletAdmin(), { hash: '#/agents' });
  const { code } = await invite(admin, 'omid@cedar.example');
  const omid = await openConsole(stage.browser, stage.h, 'omid@cedar.example', { locale: 'fa', hash: `#join/${code}` });
  const dialog = omid.getByRole('dialog', { name: 'پیوستن به یک سایت' });
  await expect(dialog.getByLabel('کد یا پیوند دعوت').inputValue()).resolves.toBe(code);
  expect(await omid.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await dialog.getByRole('button', { name: 'پیوستن', exact: true }).click();
  await showsText(dialog.getByRole('status'), 'Cedar Outlet');
  await dialog.getByRole('button', { name: 'باز کردن پیشخوان' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await omid.evaluate(() => location.hash)).toBe('#/chats');
});

import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { fa } from '../../agent-console/src/locales/fa.ts';
import { assertConsoleBuilt, openConsole, showsText } from '../console/console-page.ts';
import { Mailbox, recipient } from '../delivery/smtp.ts';
import { startCascade } from '../support/harness.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { totpCode } from '../support/totp.ts';
import { browserContext, SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS, waitUntil } from '../support/waits.ts';

/** A real SMTP server the reset emails go to; started before the Cascade server that sends them. */
let started: Mailbox | undefined;
const mail = (): Mailbox => {
  if (!started) throw new Error('the mailbox did not start');
  return started;
};
const stage = serverAndBrowser({
  before: async () => {
    assertConsoleBuilt();
    started = await Mailbox.start();
  },
  start: () => startCascade({ SMTP_URL: mail().url }),
});
afterAll(async () => {
  await started?.close();
});

const passwordOf = (email: string) => stage.h.demo.accounts.find((a) => a.email === email)?.password ?? '';

/** A signed-out console page in its own context, in `locale`. */
async function signedOutPage(locale: 'en' | 'fa'): Promise<Page> {
  const context = await browserContext(stage.browser, { viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  await context.addInitScript((l) => localStorage.setItem('cascade.console.locale', l), locale);
  return context.newPage();
}

it(
  'resets a forgotten password from the login screen in Persian, through the emailed link, and logs in with the new one',
  async () => {
    const email = 'sara@cedar.example';
    const old = passwordOf(email);
    const chosen = 'a new password for Sara';
    const page = await signedOutPage('fa');
    await page.goto(`${stage.h.url}/console/`);
    await page.locator('html[dir="rtl"][lang="fa"]').waitFor({ state: 'attached' });

    await page.getByRole('button', { name: fa['login.forgot'] }).click();
    await page.getByLabel(fa['login.email']).fill(email);
    await page.getByRole('button', { name: fa['forgot.submit'] }).click();
    await showsText(page.getByRole('status'), fa['forgot.sent']);

    const sent = await mail().next((m) => recipient(m) === email, STEP_TIMEOUT_MS);
    const link = /https?:\/\/\S+\/console\/#reset\/[A-Za-z0-9_-]+/.exec(sent.text ?? '')?.[0] ?? '';
    expect(link).not.toBe('');
    // The link names the server's public address; the test's server listens on its own port.
    const opened = await page.context().newPage();
    await opened.goto(`${stage.h.url}/console/${new URL(link).hash}`);
    await opened.locator('html[dir="rtl"]').waitFor({ state: 'attached' });
    await opened.getByLabel(fa['password.next'], { exact: true }).fill(chosen);
    await opened.getByLabel(fa['password.repeat'], { exact: true }).fill('not the same one');
    await opened.getByRole('button', { name: fa['reset.submit'] }).click();
    await showsText(opened.getByRole('alert'), fa['password.mismatch']);
    await opened.getByLabel(fa['password.repeat'], { exact: true }).fill(chosen);
    await opened.getByRole('button', { name: fa['reset.submit'] }).click();
    await showsText(opened.getByRole('status'), fa['reset.done']);
    await opened.getByRole('button', { name: fa['login.submit'] }).click();

    await opened.getByLabel(fa['login.email']).fill(email);
    await opened.getByLabel(fa['login.password'], { exact: true }).fill(chosen);
    await opened.getByRole('button', { name: fa['login.submit'] }).click();
    await opened.getByRole('list', { name: fa['inbox.mine'] }).waitFor();
    await expect(stage.h.login(email, old)).rejects.toThrow(/401/);

    // The link worked once.
    const again = await page.context().newPage();
    await again.goto(`${stage.h.url}/console/${new URL(link).hash}`);
    await again.getByLabel(fa['password.next'], { exact: true }).fill('yet another password');
    await again.getByLabel(fa['password.repeat'], { exact: true }).fill('yet another password');
    await again.getByRole('button', { name: fa['reset.submit'] }).click();
    await showsText(again.getByRole('alert'), fa['reset.expired']);
  },
  SCENARIO_TIMEOUT_MS,
);

it(
  'turns two-step sign-in on from the header, then asks for the app’s code (or a recovery code) at login',
  async () => {
    const email = 'omid@cedar.example';
    const password = passwordOf(email);
    const page = await openConsole(stage.browser, stage.h, email);
    await page.getByRole('list', { name: en['inbox.mine'] }).waitFor();

    await page.getByRole('button', { name: en['header.totp'] }).click();
    const dialog = page.getByRole('dialog', { name: en['totp.title'] });
    await showsText(dialog.getByRole('status'), en['totp.off']);
    await dialog.getByRole('button', { name: en['totp.start'] }).click();
    const uri = (await dialog.getByText(/^otpauth:\/\/totp\//).textContent()) ?? '';
    const secret = new URL(uri).searchParams.get('secret') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await dialog.getByText(secret.replace(/(.{4})(?=.)/g, '$1 ')).waitFor();

    await dialog.getByLabel(en['totp.code']).fill('000000' === totpCode(secret) ? '111111' : '000000');
    await dialog.getByRole('button', { name: en['totp.confirm'] }).click();
    await showsText(dialog.getByRole('alert'), en['login.codeWrong']);
    const enabledAt = Date.now();
    await dialog.getByLabel(en['totp.code']).fill(totpCode(secret, enabledAt));
    await dialog.getByRole('button', { name: en['totp.confirm'] }).click();
    const codes = dialog.getByRole('list').getByRole('listitem');
    await codes.first().waitFor();
    const recovery = (await codes.allTextContents()).map((c) => c.trim());
    expect(recovery).toHaveLength(10);
    await dialog.getByRole('button', { name: en['totp.done'] }).click();
    await showsText(dialog.getByRole('status'), en['totp.on'].replace('{n}', '10'));
    await dialog.getByRole('button', { name: en['password.close'] }).click();

    await page.getByRole('button', { name: en['header.logout'], exact: true }).click();
    await page.getByLabel(en['login.email']).fill(email);
    await page.getByLabel(en['login.password'], { exact: true }).fill(password);
    await page.getByRole('button', { name: en['login.submit'] }).click();
    const code = page.getByLabel(en['login.code']);
    await code.fill('not a code');
    await page.getByRole('button', { name: en['login.codeSubmit'] }).click();
    await showsText(page.getByRole('alert'), en['login.codeNeeded']);
    // The step after the one that turned it on: the code the app shows next, never used yet.
    await code.fill(totpCode(secret, enabledAt + 30_000));
    await page.getByRole('button', { name: en['login.codeSubmit'] }).click();
    await page.getByRole('list', { name: en['inbox.mine'] }).waitFor();

    // A lost phone: a recovery code instead, once.
    await page.getByRole('button', { name: en['header.logout'], exact: true }).click();
    await page.getByLabel(en['login.email']).fill(email);
    await page.getByLabel(en['login.password'], { exact: true }).fill(password);
    await page.getByRole('button', { name: en['login.submit'] }).click();
    await page.getByLabel(en['login.code']).fill(recovery[0] ?? '');
    await page.getByRole('button', { name: en['login.codeSubmit'] }).click();
    await page.getByRole('list', { name: en['inbox.mine'] }).waitFor();
    await page.getByRole('button', { name: en['header.totp'] }).click();
    await showsText(
      page.getByRole('dialog', { name: en['totp.title'] }).getByRole('status'),
      en['totp.on'].replace('{n}', '9'),
    );
  },
  SCENARIO_TIMEOUT_MS,
);

it(
  'takes an admin who requires two-step sign-in for their site to the setup step, and back to the console once it is on',
  async () => {
    const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/settings' });
    const toggle = page.getByLabel(en['settings.requireTotpToggle']);
    await page.getByText(en['settings.requireTotpSelf']).waitFor();
    await toggle.check();

    // Only the setup step is left, on the site's word.
    await page.getByRole('heading', { name: en['totpRequired.title'] }).waitFor();
    await page.getByText(en['totpRequired.intro'].replace('{sites}', stage.h.demo.siteName)).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.getByRole('button', { name: en['totp.start'] }).click();
    const uri = (await page.getByText(/^otpauth:\/\/totp\//).textContent()) ?? '';
    const secret = new URL(uri).searchParams.get('secret') ?? '';
    await page.getByLabel(en['totp.code']).fill(totpCode(secret));
    await page.getByRole('button', { name: en['totp.confirm'] }).click();
    await page.getByRole('list').getByRole('listitem').first().waitFor();
    await page.getByRole('button', { name: en['totp.done'] }).click();

    // The console opens where it was, with the requirement on; turning it off again is the admin's call.
    await page.getByRole('heading', { name: en['settings.title'] }).waitFor();
    await waitUntil(
      'the requirement to show as on',
      () => toggle.isChecked(),
      (on) => on,
    );
    await toggle.uncheck();
    await waitUntil(
      'the change to be saved',
      () => toggle.isEnabled(),
      (done) => done,
    );
    await page.reload();
    await page.getByRole('heading', { name: en['settings.title'] }).waitFor();
    expect(await toggle.isChecked()).toBe(false);
  },
  SCENARIO_TIMEOUT_MS,
);

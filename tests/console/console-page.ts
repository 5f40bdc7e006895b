import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Board } from '@cascade/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import type { TestClient } from '../support/clients.ts';
import type { Harness } from '../support/harness.ts';
import { afterAll } from 'vitest';
import { Mailbox } from '../delivery/smtp.ts';
import { startCascade } from '../support/harness.ts';
import { serverAndBrowser, type Stage } from '../support/stage.ts';
import { browserContext } from '../support/waits.ts';
import { en } from '../../agent-console/src/locales/en.ts';

const consoleDir = fileURLToPath(new URL('../../agent-console/', import.meta.url));

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The server serves the console's build; testing an old build would test old code, so a
 * missing or stale build stops the tests with the command that fixes it (`pnpm test` builds first).
 */
export function assertConsoleBuilt(): void {
  const index = join(consoleDir, 'dist', 'index.html');
  if (!existsSync(index) || statSync(index).mtimeMs < newestIn(join(consoleDir, 'src'))) {
    throw new Error(
      'the agent console build is missing or older than its sources: run `pnpm --filter @cascade/agent-console build`',
    );
  }
}

export type ConsoleOptions = {
  /** The console's language, as if the agent had chosen it before. */
  locale?: 'en' | 'ar' | 'fa';
  /** Where to land, e.g. `#/dashboard`. */
  hash?: string;
  width?: number;
  height?: number;
};

/** A signed-in console in its own browser context (own cookies and storage), at `hash`. */
export async function openConsole(
  browser: Browser,
  h: Harness,
  email: string,
  options: ConsoleOptions = {},
): Promise<Page> {
  const { cookie } = await h.login(email);
  const [name = '', value = ''] = cookie.split('=');
  const context = await browserContext(browser, {
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  await context.addCookies([{ name, value, url: h.url }]);
  const locale = options.locale;
  if (locale) await context.addInitScript((l) => localStorage.setItem('cascade.console.locale', l), locale);
  const page = await context.newPage();
  await page.goto(`${h.url}/console/${options.hash ?? ''}`);
  return page;
}

/** Waits until the element shows `text` (Playwright re-checks on every change, no fixed delay). */
export async function showsText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

/** Waits until the agent with this name is online on the live board, as a supervisor socket sees it. */
export async function untilOnline(watcher: TestClient, name: string): Promise<void> {
  await watcher.next<{ board: Board }>('board:update', (u) =>
    u.board.agents.some((a) => a.name === name && a.status === 'online'),
  );
}

/** Lina's console on a ticket's page, once its heading shows. */
export async function openTicket(browser: Browser, h: Harness, ticket: { id: string; number: number }): Promise<Page> {
  const page = await openConsole(browser, h, 'lina@cedar.example', { hash: `#/tickets/${ticket.id}` });
  await page.getByRole('heading', { name: en['tickets.heading'].replace('{number}', String(ticket.number)) }).waitFor();
  return page;
}

export type MailingConsole = Stage & { mailbox: Mailbox };

/**
 * The built console, a test SMTP server, and a server that emails the ticket's visitors through
 * it (`env` on top), with Chromium, for one test file.
 */
export function mailingConsole(env: Record<string, string>): MailingConsole {
  const stage = serverAndBrowser({
    before: async () => {
      assertConsoleBuilt();
      stage.mailbox = await Mailbox.start();
    },
    start: async () => {
      const h = await startCascade({ SMTP_URL: stage.mailbox.url, DELIVERY_BACKOFF_MS: '20', ...env });
      await h.configureSite({ sinks: { webhookUrl: null, supportEmail: null, emailVisitors: true } });
      return h;
    },
  }) as MailingConsole;
  afterAll(async () => {
    // Unset when the start failed.
    await (stage as Partial<MailingConsole>).mailbox?.close();
  });
  return stage;
}

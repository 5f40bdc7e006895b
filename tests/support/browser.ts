import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const outputDir = fileURLToPath(new URL('../../test-output/', import.meta.url));

/** Debian's Chromium, headless, with nothing that reaches outside the machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Chromium 142+ blocks a page without a network address (one a test fulfils itself) from
      // opening sockets to loopback; the tests serve everything from loopback on purpose.
      '--disable-features=LocalNetworkAccessChecks,LocalNetworkAccessChecksWebSockets',
    ],
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(outputDir, { recursive: true });
  return join(outputDir, `${name}.png`);
}

/**
 * What a page did (console lines, errors, failed requests, socket opens and closes), kept so
 * that a test that times out can say why rather than only that it waited.
 */
export function journal(page: Page): () => string {
  const lines: string[] = [];
  const note = (line: string) => lines.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
  page.on('console', (m) => note(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => note(`page error: ${e.message}`));
  page.on('requestfailed', (r) => note(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) note(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('websocket', (ws) => {
    note(`socket open: ${ws.url()}`);
    ws.on('socketerror', (e) => note(`socket error: ${e}`));
    ws.on('close', () => note('socket closed'));
  });
  return () => lines.join('\n');
}

import type { Message } from '@cascade/shared';
import { expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { xssCorpus } from '../support/xss-corpus.ts';
import { assertConsoleBuilt, openConsole, untilOnline } from './console-page.ts';
import { namedVisitor, send } from './scenario.ts';
import { serverAndBrowser } from '../support/stage.ts';

const stage = serverAndBrowser({ before: () => assertConsoleBuilt() });

it('shows an attacker’s messages, name and page title as text in the console, and runs nothing', async () => {
  const watcher = await stage.h.agent('admin@cedar.example');
  const page = await openConsole(stage.browser, stage.h, 'lina@cedar.example');
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await untilOnline(watcher, 'Lina Haddad');

  const visitor = await namedVisitor(stage.h, '<img src=x onerror=alert(2)>', {
    url: 'https://shop.example/search?q=%3Cscript%3Ealert(3)%3C/script%3E',
    title: '<svg onload=alert(4)>',
  });
  await visitor.ok('conversation:escalate', {});
  for (const text of xssCorpus) await visitor.ok('message:send', send(text));
  await visitor.next<Message>('message:new', (m) => m.text === xssCorpus.at(-1));

  const log = page.getByRole('log').first();
  await page.getByRole('list', { name: 'My chats' }).getByRole('button').first().click();
  for (const text of xssCorpus.slice(0, -1)) await log.getByText(text, { exact: true }).first().waitFor();

  const found = await page.evaluate(() => {
    const area = document.querySelector('main') ?? document.body;
    return {
      tags: [...area.querySelectorAll('script, img, iframe, object, embed')].map((e) => e.tagName),
      svgOnload: [...area.querySelectorAll('svg')].filter((s) => s.hasAttribute('onload')).length,
      links: [...area.querySelectorAll('a')].map((a) => ({
        href: a.getAttribute('href') ?? '',
        rel: a.getAttribute('rel') ?? '',
      })),
    };
  });
  expect(found.tags).toEqual([]);
  expect(found.svgOnload).toBe(0);
  expect(found.links.filter((l) => !/^(https?:|\/|#)/.test(l.href))).toEqual([]);
  for (const l of found.links.filter((x) => /^https?:/.test(x.href))) expect(l.rel).toContain('noopener');
  expect(dialogs).toEqual([]);
  await page.screenshot({ path: screenshotPath('console-xss') });
});

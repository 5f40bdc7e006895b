import { randomUUID } from 'node:crypto';
import type { ChatSummary } from '@cascade/shared';
import { expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { composer, openChat, openDemo, sendMessage } from '../support/widget-page.ts';
import { xssCorpus } from '../support/xss-corpus.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS } from '../support/waits.ts';

const stage = serverAndBrowser();

const corpus = xssCorpus;

type Found = {
  bubbles: { mine: boolean; text: string }[];
  tags: string[];
  svgs: number;
  links: { href: string; rel: string; target: string }[];
};

it(
  'shows hostile text from the visitor and an agent as text, with no markup, script or javascript: link',
  async () => {
    const agent = await stage.h.newAgent({
      name: 'Rana',
      skills: [
        { skill: 'general', level: 1 },
        { skill: 'shipping', level: 1 },
      ],
    });
    const page = await openDemo(stage.browser, stage.h.url);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await openChat(page);
    const iconsOnly = await page.evaluate(
      () => document.querySelector('cascade-widget')!.shadowRoot!.querySelectorAll('svg').length,
    );
    await sendMessage(page, 'Hello');
    await page.getByRole('button', { name: 'Talk to a person' }).first().click();
    const { conversation } = await agent.next<ChatSummary>('chat:assigned');
    await page.getByText('Rana joined the chat.').waitFor();

    for (const text of corpus) {
      // Typed by the visitor and sent with Enter, then the same from the agent's side.
      await composer(page).fill(text);
      await composer(page).press('Enter');
      await agent.ok('chat:send', { conversationId: conversation.id, clientMsgId: randomUUID(), text });
    }

    const read = () =>
      page.evaluate((): Found => {
        const root = document.querySelector('cascade-widget')!.shadowRoot!;
        return {
          bubbles: [...root.querySelectorAll('.bubble')].map((b) => ({
            mine: !!b.closest('.me'),
            text: b.textContent,
          })),
          tags: [...root.querySelectorAll('.bubble *')].map((e) => e.localName),
          svgs: root.querySelectorAll('svg').length,
          links: [...root.querySelectorAll('a')].map((a) => ({
            href: a.getAttribute('href') ?? '',
            rel: a.rel,
            target: a.target,
          })),
        };
      });
    await expect
      .poll(async () => (await read()).bubbles.filter((b) => corpus.includes(b.text)).length, {
        timeout: STEP_TIMEOUT_MS,
      })
      .toBe(corpus.length * 2);

    const found = await read();
    expect(found.bubbles.filter((b) => b.mine && corpus.includes(b.text)).map((b) => b.text)).toEqual(corpus);
    expect(found.bubbles.filter((b) => !b.mine && corpus.includes(b.text)).map((b) => b.text)).toEqual(corpus);
    expect(new Set(found.tags)).toEqual(new Set(['p', 'a']));
    expect(found.svgs).toBe(iconsOnly);
    expect(
      await page.evaluate(
        () =>
          document.querySelector('cascade-widget')!.shadowRoot!.querySelectorAll('script, img, iframe, object, embed')
            .length,
      ),
    ).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('iframe, img[src="x"]').length)).toBe(0);

    // Only the two https URLs became links, each twice, all opened safely.
    expect(found.links.map((l) => l.href).sort()).toEqual(
      [
        'https://cedar.example/help',
        'https://cedar.example/help',
        'https://evil.example/',
        'https://evil.example/',
      ].sort(),
    );
    for (const link of found.links) expect(link).toMatchObject({ rel: 'noopener noreferrer', target: '_blank' });
    expect(found.links.some((l) => l.href.toLowerCase().startsWith('javascript:'))).toBe(false);

    // The long word wraps inside the panel instead of widening it.
    const panelBox = await page.locator('.panel').boundingBox();
    for (const bubble of await page.locator('.bubble', { hasText: 'wwwwwwwwww' }).all()) {
      const b = await bubble.boundingBox();
      expect(b!.x + b!.width).toBeLessThanOrEqual(panelBox!.x + panelBox!.width);
      expect(b!.x).toBeGreaterThanOrEqual(panelBox!.x);
    }
    await page.screenshot({ path: screenshotPath('widget-xss') });
    expect(dialogs).toBe(0);
    await page.context().close();
  },
  SCENARIO_TIMEOUT_MS,
);

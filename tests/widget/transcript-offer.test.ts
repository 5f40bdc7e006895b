import { readFileSync } from 'node:fs';
import type { KbEntry } from '@cascade/shared';
import { expect, it } from 'vitest';
import { openChat, openDemo, sendMessage } from '../support/widget-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

// No SMTP_URL: this server cannot send mail.
const stage = serverAndBrowser();

const kb = JSON.parse(
  readFileSync(new URL('../../server/src/demo/knowledge-base.json', import.meta.url), 'utf8'),
) as KbEntry[];
const delivery = kb.find((e) => e.id === 'delivery-times')!.content.en!;

it(
  'offers no transcript email when the server cannot send mail, even with the visitor’s email known',
  async () => {
    const page = await openDemo(stage.browser, stage.h.url);
    await openChat(page);
    await sendMessage(page, delivery.question);
    await page.getByText(delivery.answer).waitFor();
    await page.getByRole('button', { name: 'Talk to a person' }).first().click();
    await page.getByText('Nobody is free right now.').waitFor();
    await page.getByLabel('Email').fill('maya@example.com');
    await page.getByRole('button', { name: 'Leave my email' }).click();
    await page.getByText(/Ticket #\d+ created/).waitFor();
    await page.getByText('Write below to start again.').waitFor();
    expect(await page.getByRole('button', { name: /Email the transcript/ }).count()).toBe(0);
    await page.context().close();
  },
  SCENARIO_TIMEOUT_MS,
);

import { readFileSync } from 'node:fs';
import type { KbEntry, TicketSummary } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { fa } from '../../agent-console/src/locales/fa.ts';
import { catalogue as widgetEn } from '../../widget/src/locales/en.ts';
import { catalogue as widgetFa } from '../../widget/src/locales/fa.ts';
import { endStrings } from '../../widget/src/locales/end.ts';
import { offerStrings } from '../../widget/src/locales/offer.ts';
import { openDemo } from '../support/widget-page.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, waitUntil } from '../support/waits.ts';
import { assertConsoleBuilt, openConsole } from './console-page.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

const kb = JSON.parse(
  readFileSync(new URL('../../server/src/demo/knowledge-base.json', import.meta.url), 'utf8'),
) as KbEntry[];
const delivery = kb.find((e) => e.id === 'delivery-times')!;

/** A catalogue text with its `{placeholders}` matching anything (numbers may be in local digits). */
const pattern = (text: string) =>
  new RegExp(
    text
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('.+'),
  );

// The widget's end-of-chat card and email form carry their own strings, beside the panel's.
const strings = {
  en: { console: en, widget: { ...widgetEn, ...endStrings.en, ...offerStrings.en } },
  fa: { console: fa, widget: { ...widgetFa, ...endStrings.fa, ...offerStrings.fa } },
};

describe.each(['en', 'fa'] as const)('"Needs follow-up" for an anonymous visitor, in %s', (locale) => {
  const { console: c, widget: w } = strings[locale];

  it(
    'promises no email reply: both sides are told there is no address, and the one the visitor leaves reaches the ticket',
    async () => {
      const agent = await openConsole(stage.browser, stage.h, 'lina@cedar.example', { locale });
      const visitor = await openDemo(stage.browser, stage.h.url);
      const question = (delivery.content[locale] ?? delivery.content.en!).question;
      await visitor.evaluate((l) => {
        const cascade = (window as unknown as { Cascade: (...args: unknown[]) => void }).Cascade;
        cascade('setLocale', l);
        cascade('open');
      }, locale);
      await visitor.locator('.field textarea').fill(question);
      await visitor.locator('button.send').click();
      await visitor.getByRole('button', { name: w['human.ask'] }).first().click();

      // The agent is told before and after that this ticket has nobody to answer.
      await agent.getByText(question).first().waitFor();
      await agent.getByRole('button', { name: c['actions.followup'] }).click();
      const dialog = agent.getByRole('dialog');
      await dialog.getByText(c['followup.noContact']).waitFor();
      await dialog.getByLabel(c['followup.note']).fill('Check the delivery date');
      await dialog.getByRole('button', { name: c['followup.submit'] }).click();
      await agent.getByText(pattern(c['followup.createdNoContact'])).waitFor();

      // The visitor hears the truth, not "we will reply by email", and is asked for an address.
      await visitor.getByText(pattern(w['ticket.noContact'])).waitFor();
      expect(await visitor.getByText(pattern(w['ticket.created'])).count()).toBe(0);

      const tickets = await waitUntil(
        'the ticket in the list',
        async () =>
          ((await (await agent.request.get(`${stage.h.url}/api/tickets`)).json()) as { tickets: TicketSummary[] })
            .tickets,
        (list) => list.some((t) => t.note === 'Check the delivery date'),
      );
      const ticket = tickets.find((t) => t.note === 'Check the delivery date')!;
      expect(ticket.visitor.email).toBeNull();

      // The list marks it before anyone opens it.
      await agent.goto(`${stage.h.url}/console/#/tickets`);
      const row = agent.getByRole('row').filter({ has: agent.getByRole('link', { name: new RegExp(`#.+`) }) });
      await row.filter({ hasText: c['tickets.noContact'] }).first().waitFor();

      const address = `follow-up-${locale}@customers.example`;
      await visitor.getByLabel(w['form.email']).fill(address);
      await visitor.getByRole('button', { name: w['offer.submit'] }).click();
      await visitor.getByText(pattern(w['ticket.created'])).waitFor();
      expect(await visitor.getByText(pattern(w['ticket.noContact'])).count()).toBe(0);

      // Now the team can answer: the reply goes to that address, and the history says when it came.
      await agent.goto(`${stage.h.url}/console/#/tickets/${ticket.id}`);
      const reply = agent.getByRole('region', { name: c['reply.title'] });
      await reply.getByText(address).waitFor();
      expect(await agent.getByText(c['reply.noEmail']).count()).toBe(0);
      const history = agent.getByRole('region', { name: c['tickets.history'] });
      await history.getByText(c['history.contact']).waitFor();

      await agent.context().close();
      await visitor.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

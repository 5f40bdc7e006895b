import type { TicketSummary } from '@cascade/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../agent-console/src/locales/ar.ts';
import { en } from '../../agent-console/src/locales/en.ts';
import { createTranslator } from '../../agent-console/src/i18n/translator.ts';
import { seriousConsoleFindings } from '../support/axe.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';
import { askBot, escalateTo, namedVisitor, ticketToAnswer, type AgentClient, type Visitor } from './scenario.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });
type Locale = 'en' | 'ar';
const catalogues: Record<Locale, typeof ar> = { en, ar };

let lina: AgentClient;
let visitor: Visitor;
let ticket: TicketSummary;
beforeAll(async () => {
  const { h } = stage;
  ticket = await ticketToAnswer(h, 'Tariq Box', 'My order came damaged', 'Send a replacement');
  // Kept connected so the open chat stays Lina's while the screens are checked.
  lina = await h.agent('lina@cedar.example');
  visitor = await namedVisitor(h, 'Huda Open');
  await askBot(visitor, 'Can I change my delivery address?');
  await escalateTo(visitor, lina);
}, SCENARIO_TIMEOUT_MS);
afterAll(() => {
  visitor.close();
  lina.close();
});

/** Each screen: who opens it, where, and what shows once it has its data. */
const screens: Record<
  string,
  {
    email: string;
    hash: (t: TicketSummary) => string;
    ready: (page: Page, c: typeof ar, locale: Locale) => Promise<void>;
  }
> = {
  inbox: {
    email: 'lina@cedar.example',
    hash: () => '',
    ready: async (page) => {
      await page.locator('.chat-item', { hasText: 'Huda Open' }).click();
      await showsText(page.getByRole('log'), 'Can I change my delivery address?');
    },
  },
  ticket: {
    email: 'lina@cedar.example',
    hash: (t) => `#/tickets/${t.id}`,
    ready: async (page, _c, locale) => {
      // The number in the console's digits for the language (Arabic-Indic in Arabic).
      const heading = createTranslator(locale).t('tickets.heading', { number: ticket.number });
      await page.getByRole('heading', { name: heading }).waitFor();
    },
  },
  dashboard: {
    email: 'sara@cedar.example',
    hash: () => '#/dashboard',
    ready: async (page, c) => {
      await page.getByRole('list', { name: c['metrics.figures'] }).waitFor();
      await page.getByRole('table', { name: c['statusTime.title'] }).waitFor();
    },
  },
  settings: {
    email: 'admin@cedar.example',
    hash: () => '#/settings',
    ready: async (page, c) => {
      await page.getByRole('form', { name: c['settings.formLabel'] }).waitFor();
    },
  },
};

describe('accessibility of the console screens', () => {
  describe.each(['en', 'ar'] as const)('in %s', (locale: Locale) => {
    it.each(Object.keys(screens))(
      'has no serious or critical axe finding on the %s screen',
      async (name) => {
        const screen = screens[name];
        if (!screen) throw new Error(`no screen ${name}`);
        const page = await openConsole(stage.browser, stage.h, screen.email, { locale, hash: screen.hash(ticket) });
        await screen.ready(page, catalogues[locale], locale);
        expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        expect(await seriousConsoleFindings(page)).toEqual([]);
        await page.context().close();
      },
      SCENARIO_TIMEOUT_MS,
    );
  });
});

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../agent-console/src/locales/ar.ts';
import { en, type MessageKey } from '../../agent-console/src/locales/en.ts';
import { fa } from '../../agent-console/src/locales/fa.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';
import { namedVisitor } from './scenario.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

type Catalogue = Readonly<Record<MessageKey, string>>;

beforeAll(async () => {
  const { h } = stage;
  // Chats wait until picked, so both agents see them in the waiting line first.
  await h.configureSite({ assignment: 'pick' });
  // Omid supervises too, so that the Persian console has the all-chats list.
  const omid = await h.cascade.agents.byEmail('omid@cedar.example');
  if (!omid) throw new Error('the demo has no Omid');
  const memberships = omid.agent.memberships.map((m) =>
    m.siteId === h.demo.siteId ? { ...m, role: 'supervisor' as const } : m,
  );
  await h.cascade.agents.save({ ...omid.agent, memberships });
});

/** A visitor waiting for a person with the general skill. */
async function waitingVisitor(name: string): Promise<void> {
  const visitor = await namedVisitor(stage.h, name);
  await visitor.ok('conversation:escalate', {});
}

/** The agent picks the visitor's chat, opens the transfer dialog and reads its skill choices. */
async function transferChoices(page: Page, t: Catalogue, visitor: string): Promise<string[]> {
  await page.locator('.waiting-group li', { hasText: visitor }).getByRole('button', { name: t['inbox.pick'] }).click();
  await page.getByRole('button', { name: t['actions.transfer'] }).click();
  const dialog = page.getByRole('dialog', { name: t['transfer.title'] });
  const choices = await dialog.getByRole('combobox', { name: t['transfer.skill'] }).locator('option').allTextContents();
  await dialog.getByRole('button', { name: t['dialog.cancel'] }).click();
  return choices.map((c) => c.trim());
}

/** The skill choices of the all-chats filter, reached without reloading the page. */
async function filterChoices(page: Page, t: Catalogue): Promise<string[]> {
  await page.evaluate(() => {
    location.hash = '#/supervise';
  });
  const filter = page.getByRole('combobox', { name: t['allChats.skill'] });
  await filter.locator('option').nth(1).waitFor({ state: 'attached' });
  return (await filter.locator('option').allTextContents()).map((c) => c.trim());
}

describe('skill names in the agent’s language', () => {
  it(
    'shows Arabic and Persian skill names in the inbox, the transfer dialog and the all-chats filter, and an owner’s edit at once',
    async () => {
      const { h, browser } = stage;
      const sara = await openConsole(browser, h, 'sara@cedar.example', { locale: 'ar', hash: '#/chats' });
      const omid = await openConsole(browser, h, 'omid@cedar.example', { locale: 'fa', hash: '#/chats' });
      await waitingVisitor('Rana Aziz');
      await waitingVisitor('Kian Sadeghi');

      // The waiting line is grouped under the skill's name, not its id.
      await sara.getByRole('heading', { name: 'أسئلة عامة' }).waitFor();
      await omid.getByRole('heading', { name: 'پرسش‌های عمومی' }).waitFor();

      const saraChoices = await transferChoices(sara, ar, 'Rana Aziz');
      expect(saraChoices).toContain(ar['transfer.keepSkill'].replace('{skill}', 'أسئلة عامة'));
      expect(saraChoices).toEqual(expect.arrayContaining(['الفواتير', 'الشحن', 'الإرجاع', 'الدعم الفني']));
      expect(saraChoices).not.toContain('billing');
      // The open chat's header names the skill too.
      await showsText(sara.locator('.chat-view'), 'أسئلة عامة');

      const omidChoices = await transferChoices(omid, fa, 'Kian Sadeghi');
      expect(omidChoices).toContain(fa['transfer.keepSkill'].replace('{skill}', 'پرسش‌های عمومی'));
      expect(omidChoices).toEqual(expect.arrayContaining(['صورت‌حساب', 'ارسال', 'مرجوعی', 'پشتیبانی فنی']));

      expect(await filterChoices(sara, ar)).toContain('أسئلة عامة');
      expect(await filterChoices(omid, fa)).toContain('پرسش‌های عمومی');

      // The owner renames the skill in Arabic; Sara's open page shows it without a reload.
      await sara.evaluate(() => Object.assign(window, { beforeTheEdit: true }));
      const admin = await openConsole(browser, h, 'admin@cedar.example', { hash: '#/settings' });
      const general = admin.getByRole('group', { name: 'general', exact: true });
      await general.getByRole('textbox', { name: 'العربية' }).fill('استفسارات عامة');
      await admin.getByRole('button', { name: en['settings.save'] }).click();
      await showsText(admin.getByRole('status'), en['settings.saved']);

      const filter = sara.getByRole('combobox', { name: ar['allChats.skill'] });
      await filter.locator('option', { hasText: 'استفسارات عامة' }).waitFor({ state: 'attached' });
      await showsText(sara.getByRole('row', { name: /Rana Aziz/ }), 'استفسارات عامة');
      expect(await sara.evaluate(() => 'beforeTheEdit' in window)).toBe(true);
      // Persian has its own name, untouched by the Arabic edit.
      await showsText(omid.getByRole('row', { name: /Kian Sadeghi/ }), 'پرسش‌های عمومی');
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'offers the site’s skills by name in the ticket and history filters, and asks for the chosen one by its id',
    async () => {
      const { h, browser } = stage;
      const omid = await openConsole(browser, h, 'omid@cedar.example', { locale: 'fa', hash: '#/tickets' });
      const ticketSkill = omid.getByRole('search').getByRole('combobox', { name: fa['tickets.skill'] });
      await ticketSkill.locator('option', { hasText: 'صورت‌حساب' }).waitFor({ state: 'attached' });
      const ticketChoices = (await ticketSkill.locator('option').allTextContents()).map((c) => c.trim());
      expect(ticketChoices[0]).toBe(fa['tickets.all']);
      expect(ticketChoices).toEqual(expect.arrayContaining(['صورت‌حساب', 'ارسال', 'مرجوعی', 'پشتیبانی فنی']));
      expect(ticketChoices).not.toContain('billing');
      // The name is chosen; the id is what is asked for.
      await ticketSkill.selectOption({ label: 'صورت‌حساب' });
      expect(await ticketSkill.inputValue()).toBe('billing');

      await omid.evaluate(() => {
        location.hash = '#/conversations';
      });
      const historySkill = omid.getByRole('search').getByRole('combobox', { name: fa['conversations.skill'] });
      await historySkill.locator('option', { hasText: 'ارسال' }).waitFor({ state: 'attached' });
      const historyChoices = (await historySkill.locator('option').allTextContents()).map((c) => c.trim());
      expect(historyChoices).toEqual(expect.arrayContaining(['صورت‌حساب', 'ارسال', 'پرسش‌های عمومی']));
      expect(historyChoices).not.toContain('shipping');
      await historySkill.selectOption({ label: 'ارسال' });
      expect(await historySkill.inputValue()).toBe('shipping');
      await omid.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );
});

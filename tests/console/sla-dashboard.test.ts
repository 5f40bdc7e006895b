import { skillName, type ChatSummary, type MetricsSummary } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { en } from '../../agent-console/src/locales/en.ts';
import { restClient } from '../support/rest.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, waitUntil } from '../support/waits.ts';
import { assertConsoleBuilt, openConsole } from './console-page.ts';
import { askBot, escalateTo, namedVisitor, reply, resolve } from './scenario.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });
const everySkill = ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({ skill, level: 1 }));

describe('the SLA and wait tables on the dashboard', () => {
  it(
    'shows the time per status, the SLA breaches and the promised against the real wait, from chats the test made',
    async () => {
      const { h } = stage;
      const policy = { firstResponseSeconds: 2, nextReplySeconds: null, resolutionSeconds: 3600 };
      // A wait longer than the estimate for one queued chat, so the visitor is promised a time.
      await h.configureSite({
        maxWaitSeconds: 900,
        slaPolicies: [0, 2, 5].map((priority) => ({ priority, ...policy })),
      });
      // One slot: the second visitor waits with an estimate until the first chat ends.
      const nika = await h.newAgent({ skills: everySkill, maxChats: 1, name: 'Nika Slow' });
      const first = await namedVisitor(h, 'Farid First');
      await askBot(first, 'My parcel is late');
      const chat = await escalateTo(first, nika);
      const second = await namedVisitor(h, 'Sami Second');
      await askBot(second, 'I was charged twice');
      const { conversation } = await second.ok<{ conversation: { id: string } }>('conversation:escalate', {});

      const sara = restClient(h.url, await h.login('sara@cedar.example'));
      const summary = () =>
        sara.get<MetricsSummary>(`/api/metrics/summary?siteId=${h.demo.siteId}`).then((r) => r.body);
      // Nika never answers the first visitor within the target.
      await waitUntil('a first-reply breach', summary, (s) => s.slaBreaches.first_response >= 1, { timeoutMs: 30_000 });
      await reply(nika, chat.conversation.id, 'Sorry for the wait.');
      await resolve(nika, chat.conversation.id);
      await nika.next<ChatSummary>('chat:assigned', (c) => c.conversation.id === conversation.id);
      const counted = await waitUntil('the second wait measured', summary, (s) =>
        s.waitAccuracy.some((w) => w.chats >= 1),
      );

      const page = await openConsole(stage.browser, h, 'sara@cedar.example', { hash: '#/dashboard', height: 1600 });
      const statusTime = page.getByRole('table', { name: en['statusTime.title'] });
      const nikaRow = statusTime.getByRole('row', { name: /Nika Slow/ });
      await nikaRow.waitFor();
      expect(await nikaRow.getByRole('cell').count()).toBe(4);

      const breaches = page.getByRole('region', { name: en['sla.breaches'] });
      const firstReply = breaches
        .locator('div')
        .filter({ hasText: en['sla.kind.first_response'] })
        .getByRole('definition');
      await firstReply.waitFor();
      // The page's figure is the server's, which counted at least the first visitor.
      const shown = Number(await firstReply.textContent());
      expect(shown).toBeGreaterThanOrEqual(1);
      expect(shown).toBeGreaterThanOrEqual(counted.slaBreaches.first_response);

      const waits = page.getByRole('table', { name: en['waitAccuracy.title'] });
      await waits.waitFor();
      expect(await waits.getByRole('columnheader').allTextContents()).toEqual([
        en['allChats.skill'],
        en['waitAccuracy.chats'],
        en['waitAccuracy.predicted'],
        en['waitAccuracy.actual'],
        en['waitAccuracy.error'],
      ]);
      const measured = counted.waitAccuracy.find((w) => w.chats >= 1);
      // The row is named by the skill's English name where the site gave one.
      const site = await h.cascade.sites.get(h.demo.siteId);
      const skill = skillName(site?.skillNames, measured?.skill ?? 'none', 'en');
      const row = waits.getByRole('row', { name: new RegExp(`^${skill}\\b`) });
      expect(await row.getByRole('cell').first().textContent()).toBe(String(measured?.chats));
      // Durations under a minute keep a tenth of a second (4.9s).
      for (const cell of (await row.getByRole('cell').allTextContents()).slice(1))
        expect(cell).toMatch(/^\d+(\.\d+)?[smh]/);

      for (const c of [first, second, nika]) c.close();
      await page.context().close();
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'counts the first-reply clock in business hours: a one-hour promise made half an hour before closing falls due after the next opening',
    async () => {
      const { h } = stage;
      // A zone where it is not yet 22:00, so that "half an hour from now" is still today.
      const timeZone = new Date().getUTCHours() < 22 ? 'UTC' : 'Asia/Tokyo';
      const local = new Date(Date.now() + (timeZone === 'UTC' ? 0 : 9 * 3_600_000));
      const closeAt = new Date(local.getTime() + 30 * 60_000);
      const hhmm = `${String(closeAt.getUTCHours()).padStart(2, '0')}:${String(closeAt.getUTCMinutes()).padStart(2, '0')}`;
      // Open only today, from midnight until half an hour from now: the next opening is a week away.
      await h.configureSite({
        businessHours: { timeZone, weekly: [{ day: local.getUTCDay(), open: '00:00', close: hhmm }], holidays: [] },
        slaPolicies: [0, 2, 5].map((priority) => ({
          priority,
          firstResponseSeconds: 3600,
          nextReplySeconds: null,
          resolutionSeconds: null,
        })),
      });
      try {
        const lina = await openConsole(stage.browser, h, 'lina@cedar.example', { hash: '#/chats' });
        const visitor = await namedVisitor(h, 'Hana Late');
        await askBot(visitor, 'Where is my refund?');
        const { conversation } = await visitor.ok<{ conversation: { id: string } }>('conversation:escalate', {});
        const item = lina.locator('.chat-item', { hasText: 'Hana Late' });
        const clock = item.locator('.sla-clock');
        await clock.waitFor();
        // Thirty minutes now and thirty at the next opening: days away, not "in 59m".
        expect(await clock.textContent()).toMatch(/^First reply in [67]d( \d+h)?$/);

        const stored = await h.cascade.conversations.get(conversation.id);
        expect(stored?.state).toBe('assigned');
        const sara = await openConsole(stage.browser, h, 'sara@cedar.example', { hash: '#/supervise' });
        const row = sara.getByRole('row', { name: /Hana Late/ });
        await row.waitFor();
        expect(await row.locator('.sla-clock').textContent()).toMatch(/^First reply in [67]d( \d+h)?$/);

        visitor.close();
        await lina.context().close();
        await sara.context().close();
      } finally {
        await h.configureSite({ businessHours: null });
      }
    },
    SCENARIO_TIMEOUT_MS,
  );
});

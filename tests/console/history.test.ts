import { readFile } from 'node:fs/promises';
import type { ConversationSearchResult, ConversationView, Message, VisitorExport } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { restClient } from '../support/rest.ts';
import { serverAndBrowser } from '../support/stage.ts';
import { SCENARIO_TIMEOUT_MS, STEP_TIMEOUT_MS, waitUntil } from '../support/waits.ts';
import { assertConsoleBuilt, openConsole, showsText } from './console-page.ts';
import { askBot, escalateTo, namedVisitor, reply, resolve, send } from './scenario.ts';

const stage = serverAndBrowser({ before: assertConsoleBuilt });

/** A word only the agent's answer holds, so a search for it finds that one chat. */
const WORD = 'marquetry';

/** Ends three chats of the demo site (two of one returning visitor) and waits until PostgreSQL holds them. */
async function pastChats(): Promise<{ answered: string; earlier: string }> {
  const { h } = stage;
  const lina = await h.agent('lina@cedar.example');

  const huda = await namedVisitor(h, 'Huda Karimi');
  const answer = await askBot(huda, 'How long does delivery take?');
  expect(answer.bot?.kind).toBe('answer');
  const { conversation: first } = await huda.ok<{ conversation: ConversationView }>('bot:feedback', {
    messageId: answer.id,
    helpful: true,
  });
  huda.close();

  const again = await h.visitor({ token: huda.token });
  await again.ok('message:send', send('My table arrived with a cracked leg'));
  await again.next<Message>('message:new', (m) => m.author === 'bot');
  const chat = await escalateTo(again, lina);
  await reply(lina, chat.conversation.id, `Sorry about that: a new ${WORD} leg ships tomorrow.`);
  await resolve(lina, chat.conversation.id);

  const other = await h.visitor();
  await askBot(other, 'Do you ship abroad?');
  await other.ok('conversation:escalate', {});
  const third = await lina.next<{ conversation: { id: string } }>('chat:assigned');
  await resolve(lina, third.conversation.id);

  const sara = restClient(h.url, await h.login('sara@cedar.example'));
  const ids = [first.id, chat.conversation.id, third.conversation.id];
  await waitUntil(
    'the three chats archived',
    async () => (await sara.get<ConversationSearchResult>('/api/conversations')).body.conversations,
    (hits) => ids.every((id) => hits.some((hit) => hit.conversation.id === id)),
    { timeoutMs: STEP_TIMEOUT_MS },
  );
  return { answered: chat.conversation.id, earlier: first.id };
}

describe('past conversations in the console', () => {
  it(
    'finds a chat by a word of its text, shows its transcript, tags it and counts it, in English and Persian',
    async () => {
      const { answered, earlier } = await pastChats();

      // English, as a supervisor: search, open, tag, and the range's numbers.
      const page = await openConsole(stage.browser, stage.h, 'sara@cedar.example', { hash: '#/conversations' });
      await page.getByRole('heading', { name: 'Conversations', level: 1 }).waitFor();
      const search = page.getByRole('search', { name: 'Search past conversations' });
      await search.getByRole('searchbox', { name: 'Words in messages and notes' }).fill(WORD);
      await search.getByRole('button', { name: 'Search' }).click();
      const results = page.getByRole('table', { name: 'Past conversations' });
      await showsText(page.locator('.page-head'), '1 found');
      const row = results.getByRole('row').filter({ hasText: WORD });
      expect(await row.locator('mark').textContent()).toBe(WORD);
      await row.getByRole('link').click();

      await page.getByRole('heading', { name: 'Conversation with Huda Karimi' }).waitFor();
      expect(page.url()).toContain(`#/conversations/${answered}`);
      const transcript = page.getByRole('log', { name: 'Transcript' });
      await showsText(transcript, `a new ${WORD} leg ships tomorrow`);
      const others = page.getByRole('region', { name: 'The visitor’s other conversations' });
      await others.locator(`a[href="#/conversations/${earlier}"]`).waitFor();

      const tags = page.getByRole('region', { name: 'Tags' });
      await tags.getByRole('textbox', { name: 'New tag' }).fill('Furniture');
      await tags.getByRole('button', { name: 'Add tag' }).click();
      await tags.getByRole('button', { name: 'Remove tag furniture' }).waitFor();

      await page.getByRole('link', { name: 'Back to conversations' }).click();
      const numbers = page.getByRole('region', { name: 'Numbers for the range' });
      const tile = (name: string) => numbers.getByRole('group', { name, exact: true }).locator('.tile-value');
      await showsText(tile('Conversations'), /^3$/);
      expect(await tile('Resolved').textContent()).toBe('3');
      expect(await tile('Answered by the bot').textContent()).toBe('1');
      const byTag = numbers.getByRole('table', { name: 'By tag' });
      expect(await byTag.getByRole('row').filter({ hasText: 'furniture' }).textContent()).toContain('1');
      const byAgent = numbers.getByRole('table', { name: 'By agent' });
      expect(await byAgent.getByRole('row').filter({ hasText: 'Lina Haddad' }).textContent()).toContain('2');
      const csv = numbers.getByRole('link', { name: 'Download CSV' });
      const href = await csv.getAttribute('href');
      expect(href).toContain('/api/history/conversations.csv?siteId=demo');
      const download = await page.context().request.get(new URL(href ?? '', stage.h.url).toString());
      expect(download.status()).toBe(200);
      expect(await download.text()).toContain(answered);

      // An agent searches too, but the range's numbers are for supervisors and admins.
      const agentPage = await openConsole(stage.browser, stage.h, 'lina@cedar.example', { hash: '#/conversations' });
      await agentPage.getByRole('table', { name: 'Past conversations' }).getByRole('row').nth(3).waitFor();
      expect(await agentPage.getByRole('region', { name: 'Numbers for the range' }).count()).toBe(0);

      // Persian, as the admin: the page runs right to left, finds the same chat, and the audit log has the tag.
      const fa = await openConsole(stage.browser, stage.h, 'admin@cedar.example', {
        locale: 'fa',
        hash: '#/conversations',
      });
      await fa.getByRole('heading', { name: 'گفتگوها', level: 1 }).waitFor();
      expect(await fa.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
        'rtl',
        'fa',
      ]);
      expect(await fa.locator('main').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      const faSearch = fa.getByRole('search', { name: 'جستجو در گفتگوهای گذشته' });
      await faSearch.getByRole('searchbox', { name: 'کلمه‌ها در پیام‌ها و یادداشت‌ها' }).fill(WORD);
      await faSearch.getByRole('button', { name: 'جستجو' }).click();
      await showsText(fa.locator('.page-head'), '۱ مورد پیدا شد');
      const faRow = fa.getByRole('table', { name: 'گفتگوهای گذشته' }).getByRole('row').filter({ hasText: WORD });
      expect(await faRow.getByRole('link').getAttribute('href')).toBe(`#/conversations/${answered}`);
      await showsText(faRow, 'furniture');
      // Opened straight from a link, the page asks for the visitor once its socket is up.
      const linked = await openConsole(stage.browser, stage.h, 'admin@cedar.example', {
        locale: 'fa',
        hash: `#/conversations/${answered}`,
      });
      await linked.getByRole('heading', { name: 'گفتگو با Huda Karimi' }).waitFor();
      await linked.getByRole('button', { name: 'حذف برچسب furniture' }).waitFor();

      await fa.getByRole('navigation').getByRole('link', { name: 'گزارش تغییرات' }).click();
      const log = fa.getByRole('table', { name: 'گزارش تغییرات' });
      const entry = log.getByRole('row').filter({ hasText: `conversationId: ${answered}` });
      await showsText(entry, 'افزودن برچسب');
      expect(await entry.textContent()).toContain('Sara Novak');
    },
    SCENARIO_TIMEOUT_MS,
  );
  it(
    'lets an admin set retention, and export and erase a visitor with a typed confirmation',
    async () => {
      const huda = await namedVisitor(stage.h, 'Huda Karimi');
      huda.close();
      const email = 'huda-karimi@customers.example';
      const page = await openConsole(stage.browser, stage.h, 'admin@cedar.example', { hash: '#/settings' });

      const retention = page.getByRole('region', { name: 'Retention' });
      await retention.getByRole('spinbutton', { name: 'Keep transcripts (days)' }).fill('365');
      await showsText(retention, 'deleted 365 days after the conversation');
      await retention.getByRole('spinbutton', { name: 'Keep numbers (days)' }).fill('30');
      await retention.getByRole('button', { name: 'Save retention' }).click();
      await showsText(retention.getByRole('alert'), 'at least as long as transcripts');
      await retention.getByRole('spinbutton', { name: 'Keep numbers (days)' }).fill('730');
      await retention.getByRole('button', { name: 'Save retention' }).click();
      await retention.getByRole('status').filter({ hasText: 'Retention saved.' }).waitFor();
      const admin = restClient(stage.h.url, await stage.h.login('admin@cedar.example'));
      expect((await admin.get('/api/retention?siteId=demo')).body).toEqual({
        retention: { transcriptDays: 365, recordDays: 730 },
      });

      const privacy = page.getByRole('region', { name: 'Privacy requests' });
      await privacy.getByRole('combobox', { name: 'Find by' }).selectOption('email');
      await privacy.getByRole('textbox', { name: 'Value' }).fill(email);
      await privacy.getByRole('button', { name: 'Find visitor' }).click();
      await showsText(privacy.getByRole('list', { name: 'Visitors found' }), 'Huda Karimi');

      const [file] = await Promise.all([
        page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }),
        privacy.getByRole('button', { name: 'Export as JSON' }).click(),
      ]);
      const path = await file.path();
      const exported = JSON.parse(await readFile(path, 'utf8')) as VisitorExport;
      expect(exported.visitors.map((v) => v.visitor.email)).toContain(email);
      expect(exported.visitors.flatMap((v) => v.conversations).length).toBeGreaterThanOrEqual(2);

      await privacy.getByRole('button', { name: 'Erase…' }).click();
      const confirm = privacy.getByRole('group', { name: 'Erase…' });
      const eraseAll = confirm.getByRole('button', { name: 'Erase everything' });
      expect(await eraseAll.isDisabled()).toBe(true);
      await confirm.getByRole('textbox', { name: `Type ${email} to confirm` }).fill(email);
      await eraseAll.click();
      await showsText(privacy.getByRole('status'), /^Erased: \d+ visitors, \d+ conversations\.$/);
      await showsText(privacy.getByRole('table', { name: 'Past erasures' }), 'Adam Clarke');
      const found = await admin.post<{ visitors: unknown[] }>('/api/privacy/find', { siteId: 'demo', email });
      expect(found.body.visitors).toEqual([]);
    },
    SCENARIO_TIMEOUT_MS,
  );
});

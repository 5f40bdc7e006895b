import { randomUUID } from 'node:crypto';
import type { AuditEntries, KbEntry, KbPhrasingAdded, Message } from '@cascade/shared';
import { KB_LIMITS } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';

let h: Harness;
const as = async (site: number, role: string) => {
  const account = h.demos[site]!.accounts.find((a) => a.role === role)!;
  return restClient(h.url, await h.login(account.email, account.password));
};
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

const QUESTION = 'صندلی که آمد ترک داشت';
type Failure = { error: { code: string; message: string } };

async function botTo(text: string): Promise<Message> {
  const visitor = await h.visitor();
  await visitor.ok('message:send', { clientMsgId: randomUUID(), text });
  const bot = await visitor.next<Message>('message:new', (m) => m.author === 'bot');
  visitor.close();
  return bot;
}

describe('a supervisor adds one phrasing to an entry', () => {
  it('teaches the bot on the supervisor’s own site, once, and the audit log has it', async () => {
    const siteId = h.demo.siteId;
    expect((await botTo(QUESTION)).bot?.kind).not.toBe('answer');
    const sara = await as(0, 'supervisor');
    const added = await sara.post<KbPhrasingAdded>('/api/kb/damaged-item/phrasings', {
      siteId,
      text: `  ${QUESTION} `,
      language: 'fa',
    });
    expect(added.status).toBe(200);
    expect(added.body.added).toBe(true);
    expect(added.body.entry.content.fa?.phrasings.at(-1)).toBe(QUESTION);

    const answer = await botTo(QUESTION);
    expect(answer.bot).toMatchObject({ kind: 'answer', entryId: 'damaged-item' });

    // The same words again, however spaced or cased, are not trained on twice.
    const again = await sara.post<KbPhrasingAdded>('/api/kb/damaged-item/phrasings', { siteId, text: QUESTION });
    expect(again.status).toBe(200);
    expect(again.body.added).toBe(false);
    const stored = (await h.cascade.kb.get(siteId, 'damaged-item'))!;
    expect(stored.content.fa!.phrasings.filter((p) => p === QUESTION)).toHaveLength(1);
    const dupEn = await sara.post<KbPhrasingAdded>('/api/kb/damaged-item/phrasings', {
      siteId,
      text: stored.content.en!.question.toUpperCase(),
      language: 'en',
    });
    expect(dupEn.body.added).toBe(false);

    // A language the entry lacks goes to its first language.
    const fr = await sara.post<KbPhrasingAdded>('/api/kb/damaged-item/phrasings', {
      siteId,
      text: 'la chaise est arrivée cassée',
      language: 'de',
    });
    expect(fr.body.added).toBe(true);
    expect(Object.keys(fr.body.entry.content)).toEqual(Object.keys(stored.content));
    expect(Object.values(fr.body.entry.content).some((c) => c.phrasings.includes('la chaise est arrivée cassée'))).toBe(
      true,
    );

    const admin = await as(0, 'admin');
    const audit = await admin.get<AuditEntries>(`/api/audit?siteId=${siteId}`);
    expect(audit.body.entries.map((e) => [e.action, e.target.entryId])).toContainEqual([
      'POST /api/kb/:entryId/phrasings',
      'damaged-item',
    ]);
  });

  it('keeps every phrasing when several are added to one entry at once', async () => {
    const siteId = h.demo.siteId;
    const sara = await as(0, 'supervisor');
    const texts = Array.from({ length: 6 }, (_, i) => `can I swap order ${i + 1} for another colour`);
    const answers = await Promise.all(
      texts.map((text) => sara.post<KbPhrasingAdded>('/api/kb/exchanges/phrasings', { siteId, text, language: 'en' })),
    );
    expect(answers.map((a) => [a.status, a.body.added])).toEqual(texts.map(() => [200, true]));
    const stored = (await h.cascade.kb.get(siteId, 'exchanges'))!;
    expect(stored.content.en!.phrasings).toEqual(expect.arrayContaining(texts));
  });

  it('keeps tenants apart, refuses agents and bad bodies, and holds the phrasing limit', async () => {
    const siteId = h.demo.siteId;
    const outletSite = h.demos[1]!.siteId;
    const before = await h.cascade.kb.get(outletSite, 'warranty');
    const outlet = await as(1, 'supervisor');
    const sara = await as(0, 'supervisor');
    const body = { text: 'does the guarantee cover a broken hinge' };

    // Another site's supervisor names this site, or this site's names the other: no such thing.
    expect((await outlet.post('/api/kb/warranty/phrasings', { siteId, ...body })).status).toBe(404);
    expect((await sara.post('/api/kb/warranty/phrasings', { siteId: outletSite, ...body })).status).toBe(404);
    expect((await sara.post('/api/kb/no-such-entry/phrasings', { siteId, ...body })).status).toBe(404);
    expect(await h.cascade.kb.get(outletSite, 'warranty')).toEqual(before);

    const agent = await as(0, 'agent');
    const refused = await agent.post<Failure>('/api/kb/warranty/phrasings', { siteId, ...body });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');

    for (const bad of [
      { siteId },
      { siteId, text: '   ' },
      { siteId, text: 'x'.repeat(301) },
      { siteId, text: 'hinge', language: 'English' },
      { siteId, text: 42 },
    ]) {
      const res = await sara.post<Failure>('/api/kb/warranty/phrasings', bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_payload');
      expect(res.body.error.message.length).toBeGreaterThan(0);
    }
    const badId = await sara.post<Failure>('/api/kb/not%20an%20id/phrasings', { siteId, ...body });
    expect(badId.status).toBe(400);
    expect(badId.body.error.code).toBe('invalid_payload');

    // An entry at the phrasing limit refuses one more, and says why.
    const full: KbEntry = {
      ...(await h.cascade.kb.get(siteId, 'warranty'))!,
      content: {
        en: {
          question: 'Warranty?',
          answer: 'Two years.',
          phrasings: Array.from({ length: KB_LIMITS.phrasings }, (_, i) => `w${i}`),
        },
      },
    };
    await h.cascade.kb.put(siteId, [full]);
    const over = await sara.post<Failure>('/api/kb/warranty/phrasings', { siteId, ...body });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toContain(String(KB_LIMITS.phrasings));
    expect((await h.cascade.kb.get(siteId, 'warranty'))!.content.en!.phrasings).toHaveLength(KB_LIMITS.phrasings);
  });
});

import type { CannedReply } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

type Pushed = { siteId: string; replies: CannedReply[] };

describe('canned replies edited live', () => {
  it('changes a reply in place and pushes the site’s replies to every agent at once', async () => {
    const site = h.demo.siteId;
    const admin = restClient(h.url, await h.login('admin@cedar.example'));
    const lina = await h.agent('lina@cedar.example');
    const omid = await h.agent('omid@cedar.example');

    const created = await admin.post<{ reply: CannedReply }>(`/api/canned?siteId=${site}`, {
      shortcut: 'hello',
      language: 'en',
      text: 'Hello {{visitor.name}}, this is {{agent.name}}.',
    });
    expect(created.status).toBe(200);
    await lina.next<Pushed>('canned:update', (p) => p.replies.some((r) => r.shortcut === 'hello'));

    const edited = await admin.put<{ reply: CannedReply }>(`/api/canned/${created.body.reply.id}?siteId=${site}`, {
      shortcut: 'hi',
      language: 'en',
      text: 'Hi {{visitor.name}}! Ticket #{{ticket.number}}.',
    });
    expect(edited.status).toBe(200);
    for (const agent of [lina, omid]) {
      const pushed = await agent.next<Pushed>('canned:update', (p) => p.replies.some((r) => r.shortcut === 'hi'));
      expect(pushed.siteId).toBe(site);
      expect(pushed.replies.filter((r) => r.language === 'en').map((r) => r.shortcut)).toEqual(['hi']);
    }
    lina.close();
    omid.close();
  });

  it('refuses an unknown variable or a missing reply, and changes nothing', async () => {
    const site = h.demo.siteId;
    const admin = restClient(h.url, await h.login('admin@cedar.example'));
    const before = await h.snapshot();
    const unknown = await admin.post<{ error: { code: string; message: string } }>(`/api/canned?siteId=${site}`, {
      shortcut: 'oops',
      language: 'en',
      text: 'Dear {{visitor.surname}}',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('{{visitor.surname}}');
    const missing = await admin.put<{ error: { code: string } }>(`/api/canned/en_nothing?siteId=${site}`, {
      shortcut: 'nothing',
      language: 'en',
      text: 'x',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect(await h.snapshot()).toEqual(before);
  });
});

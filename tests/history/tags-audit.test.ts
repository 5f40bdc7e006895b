import { randomUUID } from 'node:crypto';
import type {
  AuditEntry,
  ConversationSearchResult,
  ConversationTranscript,
  ConversationView,
  Message,
} from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { historyStage } from '../support/history-stage.ts';

const stage = historyStage();

/** A chat the bot solved, once it is archived. */
async function archivedChat(): Promise<string> {
  const visitor = await stage.h.visitor();
  await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'How long does delivery take?' });
  const answer = await visitor.next<Message>('message:new', (m) => m.author === 'bot' && m.bot?.kind === 'answer');
  const { conversation } = await visitor.ok<{ conversation: ConversationView }>('bot:feedback', {
    messageId: answer.id,
    helpful: true,
  });
  await expect
    .poll(async () => (await stage.db.query('SELECT 1 FROM conversations WHERE id = $1', [conversation.id])).rowCount, {
      timeout: 30_000,
    })
    .toBe(1);
  return conversation.id;
}

describe('tags on archived conversations', () => {
  it('lets agents add and remove tags, once each, and find conversations by tag', async () => {
    const id = await archivedChat();
    const lina = await stage.as(0, 'agent');
    expect((await lina.post(`/api/conversations/${id}/tags`, { tag: 'Refund' })).body).toEqual({ tags: ['refund'] });
    expect((await lina.post(`/api/conversations/${id}/tags`, { tag: 'refund' })).body).toEqual({ tags: ['refund'] });
    expect((await lina.post(`/api/conversations/${id}/tags`, { tag: 'بازگشت' })).body).toEqual({
      tags: ['refund', 'بازگشت'],
    });
    const found = await lina.get<ConversationSearchResult>(`/api/conversations?tag=${encodeURIComponent('بازگشت')}`);
    expect(found.body.conversations.map((c) => [c.conversation.id, c.tags])).toEqual([[id, ['refund', 'بازگشت']]]);
    expect((await lina.delete(`/api/conversations/${id}/tags/refund`)).body).toEqual({ tags: ['بازگشت'] });
    const transcript = await lina.get<ConversationTranscript>(`/api/conversations/${id}`);
    expect(transcript.body).toMatchObject({ tags: ['بازگشت'], archived: true });
  });

  it('refuses other sites, bad tags, live chats and calls without the CSRF header', async () => {
    const id = await archivedChat();
    const outlet = await stage.as(1, 'admin');
    expect((await outlet.post(`/api/conversations/${id}/tags`, { tag: 'x' })).status).toBe(404);
    expect((await outlet.delete(`/api/conversations/${id}/tags/x`)).status).toBe(404);
    const lina = await stage.as(0, 'agent');
    for (const tag of ['', 'two words', 'x'.repeat(41), '<b>']) {
      const bad = await lina.post<{ error: { code: string } }>(`/api/conversations/${id}/tags`, { tag });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid_payload');
    }
    const { cookie } = await stage.h.login(stage.account(0, 'agent').email, stage.account(0, 'agent').password);
    const noCsrf = await fetch(`${stage.h.url}/api/conversations/${id}/tags`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ tag: 'x' }),
    });
    expect(noCsrf.status).toBe(403);

    const live = await stage.h.visitor();
    await live.ok('message:send', { clientMsgId: randomUUID(), text: 'hello' });
    const { conversation } = await live.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    expect((await lina.post(`/api/conversations/${conversation.id}/tags`, { tag: 'x' })).status).toBe(409);
    expect((await lina.get<ConversationTranscript>(`/api/conversations/${conversation.id}`)).body).toMatchObject({
      tags: [],
      archived: false,
    });
    const [row] = (await stage.db.query('SELECT tags FROM conversations WHERE id = $1', [id])).rows as {
      tags: string[];
    }[];
    expect(row?.tags).toEqual([]);
  });
});

describe('the audit log', () => {
  it('records who changed what over REST, without the values, for the site’s admins only', async () => {
    const id = await archivedChat();
    const lina = await stage.as(0, 'agent');
    await lina.post(`/api/conversations/${id}/tags`, { tag: 'audited' });
    const admin = await stage.as(0, 'admin');
    const rotated = await admin.post<{ secret: string }>('/api/sites/secrets/rotate', {
      siteId: 'demo',
      secret: 'webhook',
    });
    expect(rotated.status).toBe(200);

    const { status, body } = await admin.get<{ entries: AuditEntry[] }>('/api/audit?siteId=demo');
    expect(status).toBe(200);
    const linaId = body.entries.find((e) => e.action === 'POST /api/conversations/:conversationId/tags')?.actorId;
    expect(linaId).toBeTruthy();
    expect(body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'POST /api/conversations/:conversationId/tags',
          siteId: 'demo',
          target: { conversationId: id },
          fields: ['tag'],
        }),
        expect.objectContaining({
          action: 'POST /api/sites/secrets/rotate',
          siteId: 'demo',
          fields: ['secret', 'siteId'],
        }),
      ]),
    );
    expect(body.entries[0]?.action).toBe('POST /api/sites/secrets/rotate');
    const all = JSON.stringify((await stage.db.query('SELECT * FROM audit_log')).rows);
    expect(all).not.toContain(rotated.body.secret);

    expect((await lina.get('/api/audit?siteId=demo')).status).toBe(403);
    expect((await (await stage.as(1, 'admin')).get('/api/audit?siteId=demo')).status).toBe(404);
    expect((await admin.get('/api/audit')).status).toBe(400);
  });
});

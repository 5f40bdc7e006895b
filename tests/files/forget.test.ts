import { randomUUID } from 'node:crypto';
import type { ChatSummary, ConversationView, ErasureResult, VisitorMessage } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';
import { png, visitorUpload } from './uploads.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

const DAY = 24 * 3600 * 1000;
const get = (link: string) => {
  const u = new URL(link);
  return fetch(`${h.url}${u.pathname}${u.search}`);
};

/** Whether the file's bytes are still kept anywhere. */
async function kept(fileId: string): Promise<boolean> {
  const record = await h.cascade.files.records.get(fileId);
  return record !== null && (await h.cascade.files.storage.get(record.stored[0]!)) !== null;
}

describe('forgetting files', () => {
  it('erases a visitor’s files with the rest of their data', async () => {
    const agent = await h.agent('lina@cedar.example');
    const visitor = await h.visitor();
    await visitor.ok('conversation:escalate', {});
    const { conversation } = await agent.next<ChatSummary>('chat:assigned');
    await visitor.next<ConversationView>('conversation:update', (c) => c.state === 'assigned');
    const up = await visitorUpload(h.url, visitor.token, 'receipt.png', await png());
    await visitor.ok<{ message: VisitorMessage }>('message:send', {
      clientMsgId: randomUUID(),
      text: 'my receipt',
      attachments: [up.body.file.id],
    });
    await agent.ok('chat:resolve', { conversationId: conversation.id });
    expect(await kept(up.body.file.id)).toBe(true);

    const admin = restClient(h.url, await h.login('admin@cedar.example'));
    const erased = await admin.post<ErasureResult>('/api/privacy/erase', {
      siteId: h.demo.siteId,
      visitorId: conversation.visitorId,
    });
    expect(erased.status).toBe(200);
    expect(await kept(up.body.file.id)).toBe(false);
    expect((await get(up.body.file.url)).status).toBe(404);
    agent.close();
  });

  it('removes files with their transcripts when retention strips them, and uploads nobody sent after a day', async () => {
    const visitor = await h.visitor();
    const up = await visitorUpload(h.url, visitor.token, 'old.png', await png());
    await h.cascade.retention.set(h.demo.siteId, { transcriptDays: 30, recordDays: null });
    await h.cascade.retention.sweep(Date.now() + 10 * DAY);
    expect(await kept(up.body.file.id)).toBe(true);
    const [report] = await h.cascade.retention.sweep(Date.now() + 31 * DAY);
    expect(report!.files).toBeGreaterThan(0);
    expect(await kept(up.body.file.id)).toBe(false);

    await h.cascade.retention.set(h.demo.siteId, { transcriptDays: null, recordDays: null });
    // Retention forgot that visitor too: another one leaves an upload unsent.
    const later = await h.visitor();
    const unsent = await visitorUpload(h.url, later.token, 'draft.png', await png());
    await h.cascade.db.query(`UPDATE files SET created_at = now() - interval '2 days' WHERE id = $1`, [
      unsent.body.file.id,
    ]);
    await h.cascade.retention.sweep();
    expect(await kept(unsent.body.file.id)).toBe(false);
    visitor.close();
    later.close();
  });
});

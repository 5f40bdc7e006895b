import { randomUUID } from 'node:crypto';
import type {
  ConversationSearchResult,
  ConversationTranscript,
  ConversationView,
  HistorySummary,
  KbEntry,
  Message,
} from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { historyStage } from '../support/history-stage.ts';

const stage = historyStage();

const DAY = 24 * 3600 * 1000;
const QUESTION = 'How long does delivery take?';

async function tagsInDb(id: string): Promise<string[] | null> {
  const [row] = (await stage.db.query('SELECT tags FROM conversations WHERE id = $1', [id])).rows as {
    tags: string[];
  }[];
  return row?.tags ?? null;
}

describe('tags from the knowledge base', () => {
  it('tags a chat the bot answered from a tagged entry once, live and archived', async () => {
    const start = Date.now() - DAY;
    const admin = await stage.as(0, 'admin');
    const visitor = await stage.h.visitor();
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: QUESTION });
    const first = await visitor.next<Message>('message:new', (m) => m.author === 'bot' && m.bot?.kind === 'answer');
    const entryId = first.bot?.kind === 'answer' ? first.bot.entryId : '';
    const { body } = await admin.get<{ entries: KbEntry[] }>('/api/kb?siteId=demo');
    const entry = body.entries.find((e) => e.id === entryId);
    expect(entry?.tags).toBeUndefined();
    const { updatedAt: _, id: __, ...input } = entry!;
    const saved = await admin.put<{ entry: KbEntry }>(`/api/kb/${entryId}?siteId=demo`, {
      ...input,
      tags: ['Shipping', 'delivery'],
    });
    expect(saved.body.entry.tags).toEqual(['shipping', 'delivery']);

    // The chat was answered before the entry had tags; the next two answers from it tag it, once.
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: QUESTION });
    await visitor.next<Message>('message:new', (m) => m.author === 'bot' && m.bot?.kind === 'answer');
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: QUESTION });
    const last = await visitor.next<Message>('message:new', (m) => m.author === 'bot' && m.bot?.kind === 'answer');
    const lina = await stage.as(0, 'agent');
    const live = await lina.get<ConversationTranscript>(`/api/conversations/${last.conversationId}`);
    expect(live.body).toMatchObject({ tags: ['delivery', 'shipping'], archived: false });

    const { conversation } = await visitor.ok<{ conversation: ConversationView }>('bot:feedback', {
      messageId: last.id,
      helpful: true,
    });
    await expect.poll(() => tagsInDb(conversation.id), { timeout: 30_000 }).toEqual(['delivery', 'shipping']);
    expect(await stage.redis.exists(`${stage.h.prefix}:{c:${conversation.id}}:tags`)).toBe(0);

    const found = await lina.get<ConversationSearchResult>('/api/conversations?siteId=demo&tag=shipping');
    expect(found.body.conversations.map((c) => [c.conversation.id, c.tags])).toEqual([
      [conversation.id, ['delivery', 'shipping']],
    ]);
    const sara = await stage.as(0, 'supervisor');
    const numbers = await sara.get<HistorySummary>(
      `/api/history/summary?siteId=demo&from=${start}&to=${start + 2 * DAY}`,
    );
    expect(numbers.body.byTag).toEqual([
      { tag: 'delivery', conversations: 1 },
      { tag: 'shipping', conversations: 1 },
    ]);

    // An agent's removal stands when a later rating archives the chat again.
    expect((await lina.delete(`/api/conversations/${conversation.id}/tags/delivery`)).body).toEqual({
      tags: ['shipping'],
    });
    await visitor.ok('conversation:rate', { score: 5 });
    await expect
      .poll(
        async () =>
          (await stage.db.query('SELECT 1 FROM conversations WHERE id = $1 AND csat_score = 5', [conversation.id]))
            .rowCount,
        { timeout: 30_000 },
      )
      .toBe(1);
    expect(await tagsInDb(conversation.id)).toEqual(['shipping']);
    visitor.close();
  });
});

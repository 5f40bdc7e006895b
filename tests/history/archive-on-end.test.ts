import { randomUUID } from 'node:crypto';
import type { ChatSummary, ConversationView, Message, TicketSummary } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { historyStage } from '../support/history-stage.ts';

const stage = historyStage({ HOT_RETENTION_HOURS: '2' });

const send = (text: string) => ({ clientMsgId: randomUUID(), text });
const row = async (sql: string, params: unknown[]) =>
  (await stage.db.query(sql, params)).rows[0] as Record<string, unknown>;

describe('ended conversations are archived to PostgreSQL by a job', () => {
  it('copies a chat the bot solved, then its rating, and lets Redis forget it after HOT_RETENTION_HOURS', async () => {
    const visitor = await stage.h.visitor();
    await visitor.ok('message:send', send('How long does delivery take?'));
    const answer = await visitor.next<Message>('message:new', (m) => m.author === 'bot');
    const { conversation } = await visitor.ok<{ conversation: ConversationView }>('bot:feedback', {
      messageId: answer.id,
      helpful: true,
    });
    expect(conversation.state).toBe('resolved');

    await expect
      .poll(() => row('SELECT state FROM conversations WHERE id = $1', [conversation.id]), { timeout: 30_000 })
      .toEqual({ state: 'resolved' });
    const messages = await row('SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1', [conversation.id]);
    expect(messages.n).toBeGreaterThanOrEqual(3);
    const events = await stage.db.query('SELECT event FROM events WHERE conversation_id = $1 ORDER BY ts, id', [
      conversation.id,
    ]);
    expect(events.rows.map((e: { event: string }) => e.event)).toEqual(
      expect.arrayContaining(['started', 'bot_resolved']),
    );
    const key = `${stage.h.prefix}:{c:${conversation.id}}:conv`;
    const ttl = await stage.redis.ttl(key);
    expect(ttl).toBeGreaterThan(3600);
    expect(ttl).toBeLessThanOrEqual(7200);

    await visitor.ok('conversation:rate', { score: 5, comment: 'quick' });
    await expect
      .poll(() => row('SELECT csat_score FROM conversations WHERE id = $1', [conversation.id]), { timeout: 30_000 })
      .toEqual({ csat_score: 5 });
  });

  it('copies a chat that became a ticket, with the ticket', async () => {
    const agent = await stage.h.agent('lina@cedar.example');
    const visitor = await stage.h.visitor();
    await visitor.ok('message:send', send('My parcel arrived broken'));
    await visitor.ok('conversation:escalate', {});
    const assigned = await agent.next<ChatSummary>('chat:assigned');
    const id = assigned.conversation.id;
    const { ticket } = await agent.ok<{ ticket: TicketSummary }>('chat:followup', {
      conversationId: id,
      note: 'Replace the parcel',
    });

    await expect
      .poll(() => row('SELECT state, ticket_id FROM conversations WHERE id = $1', [id]), { timeout: 30_000 })
      .toEqual({ state: 'ticketed', ticket_id: ticket.id });
    expect(await row('SELECT number, status FROM tickets WHERE id = $1', [ticket.id])).toEqual({
      number: ticket.number,
      status: 'open',
    });
    expect(await row('SELECT count(*)::int AS n FROM visitors WHERE id = $1', [assigned.visitor.id])).toEqual({ n: 1 });
  });
});

import { randomUUID } from 'node:crypto';
import type { ChatDetail, ChatSummary, ConversationSearchResult, ConversationView, Message } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { historyStage } from '../support/history-stage.ts';
import { restClient } from '../support/rest.ts';
import type { TestClient } from '../support/clients.ts';

const stage = historyStage();

const send = (text: string) => ({ clientMsgId: randomUUID(), text });
const helloPayload = { after: null, page: { url: 'https://shop.example/', title: 'Home' } };

/** A chat the bot answers and the visitor marks as helped, once it is in PostgreSQL. */
async function solvedByBot(visitor: TestClient, question: string): Promise<string> {
  await visitor.ok('message:send', send(question));
  const answer = await visitor.next<Message>('message:new', (m) => m.author === 'bot' && m.bot?.kind === 'answer');
  const { conversation } = await visitor.ok<{ conversation: ConversationView }>('bot:feedback', {
    messageId: answer.id,
    helpful: true,
  });
  await archived(conversation.id);
  return conversation.id;
}

async function archived(id: string): Promise<void> {
  await expect
    .poll(async () => (await stage.db.query('SELECT 1 FROM conversations WHERE id = $1', [id])).rowCount, {
      timeout: 30_000,
    })
    .toBe(1);
}

/** What HOT_RETENTION_HOURS does in the end: Redis forgets the conversation. */
async function expire(id: string): Promise<void> {
  await stage.redis.del([
    `${stage.h.prefix}:{c:${id}}:conv`,
    `${stage.h.prefix}:{c:${id}}:msgs`,
    `${stage.h.prefix}:{c:${id}}:dedupe`,
  ]);
}

describe('history read path', () => {
  it('searches only the sites of the signed-in agent, and refuses other sites and bad queries', async () => {
    const [shop, outlet] = stage.h.demos;
    const mine = await solvedByBot(await stage.h.visitor(), 'How long does delivery take?');
    const theirs = await solvedByBot(
      await stage.h.visitor({ siteKey: outlet!.siteKey }),
      'How long does delivery take?',
    );
    const lina = restClient(stage.h.url, await stage.h.login('lina@cedar.example'));
    const outletAgent = outlet!.accounts.find((a) => a.role === 'agent')!;
    const other = restClient(stage.h.url, await stage.h.login(outletAgent.email, outletAgent.password));

    const ids = (r: { body: ConversationSearchResult }) => r.body.conversations.map((c) => c.conversation.id);
    const linaSees = await lina.get<ConversationSearchResult>('/api/conversations?q=delivery');
    expect(linaSees.status).toBe(200);
    expect(ids(linaSees)).toContain(mine);
    expect(ids(linaSees)).not.toContain(theirs);
    const otherSees = await other.get<ConversationSearchResult>('/api/conversations?q=delivery');
    expect(ids(otherSees)).toEqual([theirs]);

    expect((await lina.get(`/api/conversations?siteId=${outlet!.siteId}`)).status).toBe(404);
    expect((await lina.get(`/api/conversations?siteId=${shop!.siteId}&q=delivery`)).status).toBe(200);
    expect((await lina.get(`/api/conversations/${theirs}`)).status).toBe(404);
    expect((await other.get(`/api/conversations/${mine}`)).status).toBe(404);
    const bad = await lina.get<{ error: { code: string } }>('/api/conversations?limit=1000');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_payload');
    expect((await lina.get('/api/conversations?from=20&to=10')).status).toBe(400);
    expect((await fetch(`${stage.h.url}/api/conversations`)).status).toBe(401);
  });

  it('shows the transcript of an ended chat from PostgreSQL once Redis has let it go', async () => {
    const visitor = await stage.h.visitor();
    const id = await solvedByBot(visitor, 'Do you ship abroad?');
    await expire(id);
    const lina = restClient(stage.h.url, await stage.h.login('lina@cedar.example'));
    const res = await lina.get<{ conversation: { id: string; state: string }; messages: Message[] }>(
      `/api/conversations/${id}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.conversation).toMatchObject({ id, state: 'resolved' });
    expect(res.body.messages[0]?.text).toBe('Do you ship abroad?');

    const agent = await stage.h.agent('lina@cedar.example');
    const { chat } = await agent.ok<{ chat: ChatDetail }>('chat:open', { conversationId: id });
    expect(chat.conversation.state).toBe('resolved');
    expect(chat.messages.map((m) => m.text)).toEqual(res.body.messages.map((m) => m.text));
    const { messages } = await agent.ok<{ messages: Message[] }>('chat:sync', {
      conversationId: id,
      after: chat.messages[0]!.id,
    });
    expect(messages.map((m) => m.id)).toEqual(chat.messages.slice(1).map((m) => m.id));
  });

  it('tells a returning visitor at hello that earlier conversations exist, once Redis has let them go', async () => {
    const first = await stage.h.visitor();
    const earlier = await solvedByBot(first, 'Do you ship abroad?');
    await expire(earlier);
    first.close();

    const again = await stage.h.visitor({ token: first.token });
    const hello = await again.ok<{ earlier: boolean; conversation: ConversationView | null }>('hello', helloPayload);
    expect(hello.conversation).toBeNull();
    expect(hello.earlier).toBe(true);
    const listed = await again.ok<{ conversations: { id: string }[] }>('earlier:list', {});
    expect(listed.conversations.map((c) => c.id)).toContain(earlier);
    again.close();

    // A visitor with nothing before is told so.
    const fresh = await stage.h.visitor();
    expect((await fresh.ok<{ earlier: boolean }>('hello', helloPayload)).earlier).toBe(false);
    fresh.close();
  });

  it('lists a returning visitor’s earlier conversations from PostgreSQL', async () => {
    const first = await stage.h.visitor();
    const earlier = await solvedByBot(first, 'How long does delivery take?');
    await expire(earlier);
    first.close();

    const agent = await stage.h.agent('lina@cedar.example');
    const again = await stage.h.visitor({ token: first.token });
    await again.ok('message:send', send('I need a person about my order'));
    await again.ok('conversation:escalate', {});
    const assigned = await agent.next<ChatSummary>('chat:assigned');
    const { chat } = await agent.ok<{ chat: ChatDetail }>('chat:open', { conversationId: assigned.conversation.id });
    expect(chat.previous.map((c) => c.id)).toContain(earlier);
    await agent.ok('chat:resolve', { conversationId: assigned.conversation.id });
  });
});

import { randomUUID } from 'node:crypto';
import type { ChatSummary, ConversationView, Message, MissedGroups } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { historyStage } from '../support/history-stage.ts';

const stage = historyStage();

const DAY = 24 * 3600 * 1000;

/**
 * A visitor of `site` asks something the knowledge base does not hold; the site's first agent
 * takes the chat, replies and resolves it; returns once PostgreSQL has the conversation.
 */
async function missedAndAnswered(site: number, question: string, reply: string): Promise<void> {
  const agent = await stage.h.agent(stage.account(site, 'agent').email, stage.account(site, 'agent').password);
  const visitor = await stage.h.visitor({ siteKey: stage.h.demos[site]!.siteKey });
  await visitor.ok('message:send', { clientMsgId: randomUUID(), text: question });
  const bot = await visitor.next<Message>('message:new', (m) => m.author === 'bot');
  if (bot.bot?.kind !== 'escalate') await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
  const assigned = await agent.next<ChatSummary>('chat:assigned');
  const id = assigned.conversation.id;
  await agent.ok('chat:send', { conversationId: id, clientMsgId: randomUUID(), text: reply });
  await visitor.next<Message>('message:new', (m) => m.author === 'agent');
  await agent.ok('chat:resolve', { conversationId: id });
  await expect
    .poll(async () => (await stage.db.query('SELECT 1 FROM conversations WHERE id = $1', [id])).rowCount, {
      timeout: 30_000,
    })
    .toBe(1);
  visitor.close();
  agent.close();
}

describe('what the bot missed', () => {
  it('groups a site’s missed questions with the agent’s reply, for that site’s supervisors and admins only', async () => {
    const start = Date.now() - DAY;
    const reply = 'Yes: spare sofa legs are in the parts shop, in four finishes.';
    await missedAndAnswered(0, 'Do you sell replacement legs for sofas?', reply);
    await missedAndAnswered(0, 'Can I buy replacement legs for my sofa?', 'Same as before: the parts shop.');
    await missedAndAnswered(1, 'Do you sell replacement legs for sofas?', 'Not at the outlet, sorry.');
    const range = `from=${start}&to=${start + 2 * DAY}`;

    const sara = await stage.as(0, 'supervisor');
    const mine = await sara.get<MissedGroups>(`/api/kb/missed?siteId=demo&${range}`);
    expect(mine.status).toBe(200);
    expect(mine.body.questions).toBe(2);
    expect(mine.body.groups).toHaveLength(1);
    const [group] = mine.body.groups;
    expect(group).toMatchObject({ count: 2, language: 'en' });
    expect(group!.agentReply).not.toBeNull();
    expect(group!.examples.map((e) => e.text).sort()).toEqual([
      'Can I buy replacement legs for my sofa?',
      'Do you sell replacement legs for sofas?',
    ]);
    expect(group!.examples.map((e) => e.agentReply)).toContain(reply);
    expect(JSON.stringify(mine.body)).not.toContain('outlet');

    const admin = await stage.as(0, 'admin');
    expect((await admin.get<MissedGroups>(`/api/kb/missed?siteId=demo&${range}`)).body.questions).toBe(2);
    const outletSupervisor = await stage.as(1, 'supervisor');
    const outletSite = stage.h.demos[1]!.siteId;
    const theirs = await outletSupervisor.get<MissedGroups>(`/api/kb/missed?siteId=${outletSite}&${range}`);
    expect(theirs.body.groups.map((g) => g.agentReply)).toEqual(['Not at the outlet, sorry.']);
    expect((await outletSupervisor.get(`/api/kb/missed?siteId=demo&${range}`)).status).toBe(404);
    expect((await sara.get(`/api/kb/missed?siteId=${outletSite}&${range}`)).status).toBe(404);
    expect((await (await stage.as(0, 'agent')).get(`/api/kb/missed?siteId=demo&${range}`)).status).toBe(403);
    const before = await sara.get<MissedGroups>(`/api/kb/missed?siteId=demo&from=${start - 5 * DAY}&to=${start}`);
    expect(before.body).toEqual({ groups: [], questions: 0, truncated: false });
  });

  it('refuses a bad range with 400 and a code, and anonymous callers with 401', async () => {
    const sara = await stage.as(0, 'supervisor');
    for (const query of ['from=20&to=10', `from=0&to=${93 * DAY}`, 'from=x&to=10', 'to=10']) {
      const bad = await sara.get<{ error: { code: string; message: string } }>(`/api/kb/missed?siteId=demo&${query}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid_payload');
      expect(bad.body.error.message.length).toBeGreaterThan(0);
    }
    expect((await fetch(`${stage.h.url}/api/kb/missed?siteId=demo&from=0&to=10`)).status).toBe(401);
  });
});

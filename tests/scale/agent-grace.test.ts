import type { ChatSummary, Inbox, Message } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../support/clients.ts';
import { demoAdmin, processStage, type ServerProcess } from '../support/processes.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

// Presence is renewed in Redis; a short period here, so that a dead process is noticed well inside the waits below.
const stage = processStage<TestClient>(3, { AGENT_GRACE_SECONDS: '2', PRESENCE_TTL_SECONDS: '6' });
const { prefix, track } = stage;

describe('an agent whose process dies', () => {
  it(
    'keeps their chats if they come back within the grace, and loses them to the front of the line if not',
    { timeout: SCENARIO_TIMEOUT_MS },
    async () => {
      const [doomed, p2, p3] = stage.servers as [ServerProcess, ServerProcess, ServerProcess];
      const { newAgent } = await demoAdmin(p2, prefix);
      async function agentOn(server: ServerProcess, cookie: string) {
        const agent = track(new TestClient(`${server.url}/agent`, { extraHeaders: { cookie } }));
        await agent.connected();
        await agent.next('agent:status');
        return agent;
      }
      async function escalatedVisitor() {
        const visitor = track(new TestClient(`${p2.url}/visitor`, { auth: { siteKey: p2.siteKey } }));
        await visitor.connected();
        await visitor.ok('hello', { after: null, page: null });
        await visitor.ok('conversation:escalate', {});
        return visitor;
      }

      const [returning, leaving, standby] = [
        await newAgent('Returning', 1),
        await newAgent('Leaving', 1),
        await newAgent('Standby', 5),
      ];
      const a = await agentOn(doomed, returning);
      const b = await agentOn(doomed, leaving);
      const first = await escalatedVisitor();
      const second = await escalatedVisitor();
      const [chatA, chatB] = await Promise.all([
        a.next<ChatSummary>('chat:assigned'),
        b.next<ChatSummary>('chat:assigned'),
      ]);
      const visitorOf = (c: ChatSummary) =>
        c.conversation.visitorId === chatA.conversation.visitorId ? first : second;

      await doomed.kill('SIGKILL');
      const back = await agentOn(p2, returning);
      const c = await agentOn(p3, standby);

      // The one who did not come back: their chat goes to the standby agent, and the visitor is told.
      const requeued = await visitorOf(chatB).next<Message>('message:new', (m) => m.event === 'requeued', 20_000);
      expect(requeued.author).toBe('system');
      const moved = await c.next<ChatSummary>(
        'chat:assigned',
        (x) => x.conversation.id === chatB.conversation.id,
        20_000,
      );
      expect(moved.conversation.agentId).not.toBe(chatB.conversation.agentId);

      // The one who came back within the grace still has theirs.
      const inbox = await back.ok<Inbox>('inbox:get', {});
      expect(inbox.mine.map((x) => x.conversation.id)).toEqual([chatA.conversation.id]);
      expect(
        visitorOf(chatA)
          .seen<Message>('message:new')
          .some((m) => m.event === 'requeued'),
      ).toBe(false);
    },
  );
});

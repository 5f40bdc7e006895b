import type { ChatSummary, Inbox, Message } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../support/clients.ts';
import { demoAdmin, processStage, type ServerProcess } from '../support/processes.ts';
import { auditRouting, consistent } from '../support/routing-audit.ts';

/*
 * A process that hangs (SIGSTOP) for longer than the agent grace period, then wakes up
 * (SIGCONT). Its agent's chat must go back in line and on to another agent when the grace
 * ends, although the hung process answers nobody, and nothing may be left inconsistent after
 * it wakes up.
 */
const GRACE_SECONDS = Number(process.env.HUNG_GRACE_SECONDS ?? 3);
const PRESENCE_TTL_SECONDS = Number(process.env.HUNG_PRESENCE_TTL_SECONDS ?? 4);
/** The chaos run keeps the process stopped for at least this long (60 s), as a real hang would. */
const STOPPED_AT_LEAST_MS = Number(process.env.HUNG_STOP_MS ?? 0);
const stage = processStage<TestClient>(2, {
  AGENT_GRACE_SECONDS: String(GRACE_SECONDS),
  PRESENCE_TTL_SECONDS: String(PRESENCE_TTL_SECONDS),
});
const { prefix, track } = stage;

/** Presence runs out, a sweep notices, the grace passes, the timer runs: well inside this on a loaded machine. */
const REQUEUED_WITHIN_MS = (PRESENCE_TTL_SECONDS + GRACE_SECONDS) * 1000 + 40_000;

describe('a process hung for longer than the agent grace period', () => {
  it(
    'hands its agent’s chat to another agent when the grace ends, and keeps every slot honest after it wakes',
    { timeout: 2 * REQUEUED_WITHIN_MS + STOPPED_AT_LEAST_MS + 30_000 },
    async () => {
      const [stopped, alive] = stage.servers as [ServerProcess, ServerProcess];
      const { newAgent } = await demoAdmin(alive, prefix);
      async function agentOn(server: ServerProcess, cookie: string) {
        const agent = track(new TestClient(`${server.url}/agent`, { extraHeaders: { cookie } }));
        await agent.connected();
        await agent.next('agent:status');
        return agent;
      }

      const stuck = await agentOn(stopped, await newAgent('On the hung process', 1));
      const visitor = track(new TestClient(`${alive.url}/visitor`, { auth: { siteKey: alive.siteKey } }));
      await visitor.connected();
      const { token } = await visitor.ok<{ token: string }>('hello', { after: null, page: null });
      await visitor.ok('conversation:escalate', {});
      const first = await stuck.next<ChatSummary>('chat:assigned');
      const standby = await agentOn(alive, await newAgent('Standby', 5));

      stopped.child.kill('SIGSTOP');
      const stoppedAt = Date.now();
      try {
        // The grace ends although the hung process cannot be asked about its sockets.
        const requeued = await visitor.next<Message>('message:new', (m) => m.event === 'requeued', REQUEUED_WITHIN_MS);
        expect(requeued.author).toBe('system');
        const moved = await standby.next<ChatSummary>(
          'chat:assigned',
          (c) => c.conversation.id === first.conversation.id,
          REQUEUED_WITHIN_MS,
        );
        expect(moved.conversation.agentId).not.toBe(first.conversation.agentId);
        // The visitor opens another tab meanwhile: the live process lets it in (their tabs are
        // counted from Redis; asking the hung process for them timed out and refused the tab).
        const tab = track(new TestClient(`${alive.url}/visitor`, { auth: { siteKey: alive.siteKey, token } }));
        await tab.connected();
        expect((await tab.ok<{ token: string }>('hello', { after: null, page: null })).token).toBe(token);
        const rest = STOPPED_AT_LEAST_MS - (Date.now() - stoppedAt);
        // The length of the fault itself, not a wait for an event.
        if (rest > 0) await new Promise((r) => setTimeout(r, rest));
      } finally {
        stopped.child.kill('SIGCONT');
      }

      // Awake again: the chat stays with the standby agent, nobody's load counts a chat they do not hold.
      await expect.poll(async () => consistent(await auditRouting(prefix)), { timeout: REQUEUED_WITHIN_MS }).toBe(true);
      const inbox = await standby.ok<Inbox>('inbox:get', {});
      expect(inbox.mine.map((c) => c.conversation.id)).toEqual([first.conversation.id]);
    },
  );
});

import type { ChatSummary, ConversationView } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../support/clients.ts';
import { demoAdmin, processStage, spawnServer, type ServerProcess } from '../support/processes.ts';
import { auditRouting, consistent } from '../support/routing-audit.ts';

/*
 * A process killed between the steps of an escalation: the state written but not the line
 * entry, or the chat claimed (off the line, a slot taken) but the claim not written to the
 * chat. `CASCADE_CRASH_AT` makes the doomed process kill itself with SIGKILL at exactly that
 * point; the survivor must finish or undo what it left, with every event counted once.
 */
/**
 * The repair takes what stays unfinished for 4 s (swept every 2 s) rather than production's 10 s,
 * which the tests that wait for the sweep would otherwise wait out: still far longer than a live
 * escalation takes on a loaded machine.
 */
const repairSoon = { REPAIR_AFTER_MS: '4000' };
const stage = processStage<TestClient>(1, repairSoon);
const { prefix, track } = stage;

/** Long enough for the repair on a loaded machine. */
const REPAIRED_WITHIN_MS = 45_000;

async function visitorOn(server: ServerProcess, token?: string) {
  const visitor = track(
    new TestClient(`${server.url}/visitor`, { auth: { siteKey: server.siteKey, ...(token ? { token } : {}) } }),
  );
  await visitor.connected();
  const hello = await visitor.ok<{ token: string }>('hello', { after: null, page: null });
  return { visitor, token: hello.token };
}

async function doomedProcess(crashAt: string) {
  // No workers: the crash must come from the visitor's own escalation, nowhere else.
  return spawnServer(prefix, { ...repairSoon, CASCADE_CRASH_AT: crashAt, WORKERS: 'false' });
}

let shared: TestClient | null = null;
/** One agent on the survivor for every test (each resolves its chat), so no other agent competes. */
async function theAgent(survivor: ServerProcess): Promise<TestClient> {
  if (shared) return shared;
  const admin = await demoAdmin(survivor, prefix);
  const agent = track(
    new TestClient(`${survivor.url}/agent`, { extraHeaders: { cookie: await admin.newAgent('Survivor', 5) } }),
  );
  await agent.connected();
  await agent.next('agent:status');
  shared = agent;
  return agent;
}

/** The conversation the visitor holds, once the server answers. */
const conversationOf = async (visitor: TestClient) =>
  (await visitor.ok<{ conversation: ConversationView | null }>('hello', { after: null, page: null })).conversation;

describe('a process killed in the middle of an escalation', () => {
  it(
    'leaves no claimed chat unwritten: the claim is finished, the slot counted once, the events once',
    { timeout: 120_000 },
    async () => {
      const [survivor] = stage.servers as [ServerProcess];
      const agent = await theAgent(survivor);

      const doomed = await doomedProcess('claim:taken');
      const { visitor, token } = await visitorOn(doomed);
      const died = new Promise((r) => doomed.child.once('exit', r));
      void visitor.request('conversation:escalate', {}).catch(() => {});
      await died;
      visitor.close();

      // The survivor's repair writes the claim the dead process took: the agent hears of it.
      const chat = await agent.next<ChatSummary>('chat:assigned', () => true, REPAIRED_WITHIN_MS);
      expect(chat.conversation.state).toBe('assigned');
      const back = await visitorOn(survivor, token);
      expect((await conversationOf(back.visitor))?.state).toBe('assigned');
      await expect.poll(async () => consistent(await auditRouting(prefix)), { timeout: REPAIRED_WITHIN_MS }).toBe(true);
      back.visitor.close();
      await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
    },
  );

  it(
    'puts a chat whose line entry was never written back in line when the visitor asks again',
    { timeout: 120_000 },
    async () => {
      const [survivor] = stage.servers as [ServerProcess];
      const agent = await theAgent(survivor);

      const doomed = await doomedProcess('escalated:written');
      const { visitor, token } = await visitorOn(doomed);
      const died = new Promise((r) => doomed.child.once('exit', r));
      void visitor.request('conversation:escalate', {}).catch(() => {});
      await died;
      visitor.close();

      // Pressing "talk to a person" again, now on the survivor: the chat re-enters the line at once.
      const back = await visitorOn(survivor, token);
      const again = await back.visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
      expect(again.conversation.state).toBe('assigned');
      const chat = await agent.next<ChatSummary>('chat:assigned', (c) => c.conversation.id === again.conversation.id);
      expect(chat.conversation.agentId).toBeTruthy();
      await expect.poll(async () => consistent(await auditRouting(prefix)), { timeout: REPAIRED_WITHIN_MS }).toBe(true);
      back.visitor.close();
      await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
    },
  );

  it(
    'puts a chat whose line entry was never written back in line on its own, its escalation counted once',
    { timeout: 120_000 },
    async () => {
      const [survivor] = stage.servers as [ServerProcess];
      const agent = await theAgent(survivor);

      const doomed = await doomedProcess('escalated:written');
      const { visitor } = await visitorOn(doomed);
      const died = new Promise((r) => doomed.child.once('exit', r));
      void visitor.request('conversation:escalate', {}).catch(() => {});
      await died;
      visitor.close();

      // Nobody asks: the repair sweep finds the unfinished escalation and finishes it.
      const chat = await agent.next<ChatSummary>('chat:assigned', () => true, REPAIRED_WITHIN_MS);
      expect(chat.conversation.state).toBe('assigned');
      await expect.poll(async () => consistent(await auditRouting(prefix)), { timeout: REPAIRED_WITHIN_MS }).toBe(true);
      await agent.ok('chat:resolve', { conversationId: chat.conversation.id });
    },
  );
});

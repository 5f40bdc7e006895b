import { describe, expect, it } from 'vitest';
import { TestClient } from '../support/clients.ts';
import { demoAdmin, processStage, type ServerProcess } from '../support/processes.ts';
import { auditRouting, consistent, type RoutingAudit } from '../support/routing-audit.ts';

/*
 * kill -9 of a process a moment after a burst of escalations reached it, with no help from the
 * process (no crash hook): wherever each escalation was cut off, the survivor must leave no
 * chat waiting in no line, no slot taken for a chat nobody holds, and every escalation counted
 * exactly once. `CHATS` is kept small here; the chaos suite runs bigger bursts.
 */
const CHATS = Number(process.env.BURST_CHATS ?? 20);
const stage = processStage<TestClient>(2);
const { prefix, track } = stage;

/** Repairs come within 10 s of the crash plus a 5 s sweep; generous for a loaded machine. */
const SETTLED_WITHIN_MS = 60_000;

describe('a process killed with -9 right after a burst of escalations', () => {
  it(
    'leaves every chat in line or with an agent, every slot real, every escalation counted once',
    {
      timeout: 180_000,
    },
    async () => {
      const [doomed, survivor] = stage.servers as [ServerProcess, ServerProcess];
      const { newAgent } = await demoAdmin(survivor, prefix);
      for (let i = 0; i < 3; i++) {
        const agent = track(
          new TestClient(`${survivor.url}/agent`, { extraHeaders: { cookie: await newAgent(`Burst ${i}`, 4) } }),
        );
        await agent.connected();
        await agent.next('agent:status');
      }
      const visitors = await Promise.all(
        Array.from({ length: CHATS }, async () => {
          const v = track(
            new TestClient(`${doomed.url}/visitor`, { auth: { siteKey: doomed.siteKey }, reconnection: false }),
          );
          await v.connected();
          await v.ok('hello', { after: null, page: null });
          return v;
        }),
      );

      // The kill lands while the burst is being worked through: right after the first answer.
      const firstAnswer = Promise.race(visitors.map((v) => v.request('conversation:escalate', {}).catch(() => null)));
      await firstAnswer;
      await doomed.kill('SIGKILL');

      let last: RoutingAudit | null = null;
      try {
        await expect
          .poll(
            async () => {
              last = await auditRouting(prefix);
              return consistent(last);
            },
            { timeout: SETTLED_WITHIN_MS },
          )
          .toBe(true);
      } finally {
        console.log('escalation burst audit', JSON.stringify(last));
      }
    },
  );
});

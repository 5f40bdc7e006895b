import { randomUUID } from 'node:crypto';
import { KB_LIMITS, type Message } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largestKnowledgeBase } from '../../bench/largest-kb.ts';
import { startCascade, type Harness } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';

/**
 * One tenant's knowledge-base import must not stall the others: the index is built in a worker
 * thread, the limits bound what a build costs, and what breaks the limits is refused untouched.
 */
let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

const sites = () => {
  const [a, b] = h.demos;
  if (!a || !b) throw new Error('the test needs both demo sites');
  return { a, b };
};

/** A's admin over REST. */
async function adminA() {
  return restClient(h.url, await h.login('admin@cedar.example'));
}

async function stored(siteId: string): Promise<string[]> {
  return (await h.cascade.kb.raw(siteId)).sort();
}

/** A visitor of `siteKey` and a question its bot answers. */
async function askingVisitor(siteKey: string, siteId: string) {
  const visitor = await h.visitor({ siteKey });
  const question = (await h.cascade.kb.all(siteId))[0]?.content.en?.question ?? '';
  const ask = async () => {
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: question });
    return visitor.next<Message>('message:new', (m) => m.author === 'bot', 60_000);
  };
  return { visitor, ask };
}

/**
 * Counts the turns of this process's event loop (the server runs in it) while `busy()` holds:
 * each beat is a timer that could only fire because nothing held the loop.
 */
function heartbeat(busy: () => boolean) {
  let during = 0;
  let timer: NodeJS.Timeout | undefined;
  const beat = () => {
    if (busy()) during++;
    timer = setTimeout(beat, 1);
  };
  beat();
  return {
    stop() {
      clearTimeout(timer);
      return { during };
    },
  };
}

const entry = (id: string, phrasings: string[]) => ({
  id,
  skill: 'general',
  related: [],
  content: { en: { question: `question ${id}`, phrasings, answer: `answer ${id}` } },
});

describe('a knowledge-base import', () => {
  it('keeps another site’s bot answering while the largest import allowed is indexed, never holding the event loop', async () => {
    const { a, b } = sites();
    const admin = await adminA();
    const other = await askingVisitor(b.siteKey, b.siteId);
    const own = await askingVisitor(a.siteKey, a.siteId);
    await other.ask();
    const before = await own.ask();

    const kb = largestKnowledgeBase();
    const beats = heartbeat(() => h.cascade.bots.status(a.siteId).building);
    const imported = await admin.post<{ imported: number }>('/api/kb/import', {
      siteId: a.siteId,
      format: 'json',
      data: kb,
      replace: true,
    });
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toBe(KB_LIMITS.entries);

    // While A's index builds, B's visitor is answered, and so is A's, by A's previous index.
    let answeredWhileBuilding = 0;
    while (h.cascade.bots.status(a.siteId).building) {
      expect((await other.ask()).author).toBe('bot');
      if (h.cascade.bots.status(a.siteId).building) answeredWhileBuilding++;
    }
    await expect.poll(async () => (await h.cascade.bots.get(a.siteId)).size, { timeout: 180_000 }).toBe(kb.length);
    const { during } = beats.stop();
    // Counted, not timed: a build that held the event loop would leave no answer and no beat
    // between its start and its end, however fast or loaded the machine.
    expect(answeredWhileBuilding).toBeGreaterThan(0);
    expect(during).toBeGreaterThan(0);
    expect(h.cascade.bots.status(a.siteId).error).toBeNull();
    expect(before.text).not.toBe('');
  }, 300_000);

  it('refuses what would pass the limits, with a code and a message, and changes nothing', async () => {
    const { a } = sites();
    const admin = await adminA();
    const before = await stored(a.siteId);
    const kbCount = before.length;
    const long = (i: number) => `${i} ${'x'.repeat(290)}`;

    const tooMany = Array.from({ length: KB_LIMITS.entries + 1 - kbCount + 1 }, (_, i) => entry(`many${i}`, []));
    const refusals = [
      // More entries in one import than a knowledge base may hold.
      [
        400,
        {
          siteId: a.siteId,
          format: 'json',
          data: Array.from({ length: KB_LIMITS.entries + 1 }, (_, i) => entry(`e${i}`, [])),
        },
        /500/,
      ],
      // Added to what is stored, more than the limit.
      [400, { siteId: a.siteId, format: 'json', data: tooMany, replace: false }, /at most 500 entries/],
      // Too many characters to train on.
      [
        400,
        {
          siteId: a.siteId,
          format: 'json',
          data: [0, 1, 2].map((n) =>
            entry(
              `long${n}`,
              Array.from({ length: KB_LIMITS.phrasings }, (_, i) => long(i)),
            ),
          ),
          replace: true,
        },
        /at most 300000 characters/,
      ],
      // More bytes than an import may carry.
      [413, { siteId: a.siteId, format: 'csv', data: 'x'.repeat(KB_LIMITS.importBytes) }, /.+/],
    ] as const;
    for (const [status, body, message] of refusals) {
      const r = await admin.post<{ error: { code: string; message: string } }>('/api/kb/import', body);
      expect(r.status, String(message)).toBe(status);
      expect(r.body.error.code).toBe('invalid_payload');
      expect(r.body.error.message).toMatch(message);
    }

    expect(await stored(a.siteId)).toEqual(before);

    // Nor can one entry at a time: a knowledge base just under the limit takes no more.
    const phrasings = (n: number) => Array.from({ length: n }, (_, i) => long(i));
    const nearlyFull = Array.from({ length: 10 }, (_, i) => entry(`full${i}`, phrasings(97)));
    const setup = await admin.post('/api/kb/import', {
      siteId: a.siteId,
      format: 'json',
      data: nearlyFull,
      replace: true,
    });
    expect(setup.status).toBe(200);
    const full = await stored(a.siteId);
    const one = await admin.post<{ error: { code: string; message: string } }>(`/api/kb?siteId=${a.siteId}`, {
      skill: 'general',
      related: [],
      content: { en: { question: 'one more', phrasings: phrasings(100), answer: 'a' } },
    });
    expect(one.status).toBe(400);
    expect(one.body.error.code).toBe('invalid_payload');
    expect(one.body.error.message).toMatch(/at most 300000 characters/);
    expect(await stored(a.siteId)).toEqual(full);
  }, 120_000);

  it('keeps answering with the previous index when a build fails, and says why', async () => {
    const { b } = sites();
    const core = h.cascade;
    const other = await askingVisitor(b.siteKey, b.siteId);
    const answer = (await other.ask()).text;
    await core.redis.hSet(core.keys.kb(b.siteId), { broken: '{"id":"broken"' });
    core.bots.invalidate(b.siteId);
    await expect.poll(() => core.bots.status(b.siteId).error, { timeout: 60_000 }).toMatch(/JSON/);
    expect((await other.ask()).text).toBe(answer);
    await core.redis.hDel(core.keys.kb(b.siteId), 'broken');
  }, 120_000);
});

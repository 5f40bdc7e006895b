/**
 * Thousands of malformed, oversized and wrong-typed inputs against every socket event, every
 * REST route and both handshakes of one server. Each must be refused with a clear error, the
 * process must keep serving, and nothing stored may change. The seed is fixed: a failure replays.
 */
import { randomUUID } from 'node:crypto';
import { ErrorBody, VisitorAuth, type ConversationView, type Message } from '@cascade/shared';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../support/clients.ts';
import { startCascade, type Harness } from '../support/harness.ts';
import { agentEvents, visitorEvents, type Facts, type Target } from './fuzz/events.ts';
import { frames, handshake, rawOutcome, type Namespace } from './fuzz/frames.ts';
import { accepts, draw, isRecord, LIMIT, plainJson, preview, refused, SEED, toJson } from './fuzz/payloads.ts';
import { badCalls, headersFor, type Call } from './fuzz/requests.ts';
import { routes, wrongMethods } from './fuzz/routes.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

const PER_EVENT = 360;
const PER_ROUTE = 120;
const HANDSHAKES = 120;
const BAD_COOKIES = 40;

let h: Harness;
let visitor: TestClient & { token: string };
let agent: TestClient & { cookie: string; csrf: string };
let facts: Facts;
let before: Record<string, string>;
/** Connections for the frames that break them, opened before the run so that opening them is not part of it. */
const spare: Record<Namespace, Socket[]> = { '/visitor': [], '/agent': [] };
const sent = { events: 0, rest: 0, handshakes: 0, frames: 0 };
const started = Date.now();

function spareSocket(nsp: Namespace): Promise<Socket> {
  const base = { transports: ['websocket'], reconnection: false, forceNew: true };
  const socket =
    nsp === '/visitor'
      ? io(`${h.url}/visitor`, { ...base, auth: { siteKey: h.demo.siteKey, token: visitor.token } })
      : io(`${h.url}/agent`, { ...base, extraHeaders: { cookie: agent.cookie } });
  // An agent's connection is set up once its status arrives.
  return new Promise((resolve, reject) => {
    socket.once(nsp === '/agent' ? 'agent:status' : 'connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

beforeAll(async () => {
  h = await startCascade();
  visitor = await h.visitor();
  // A conversation with the bot, so that a broken payload is one field away from acting on it.
  const first = await visitor.ok<{ message: Message; conversation: ConversationView }>('message:send', {
    clientMsgId: randomUUID(),
    text: 'where is my order?',
  });
  const { visitorId } = await visitor.ok<{ visitorId: string }>('hello', { after: null, page: null });
  agent = await h.agent('admin@cedar.example');
  const lina = await h.cascade.agents.byEmail('lina@cedar.example');
  facts = {
    siteId: h.demo.siteId,
    visitorId,
    conversationId: first.conversation.id,
    messageId: first.message.id,
    agentId: lina?.agent.id ?? 'missing',
    entryId: 'delivery-times',
  };
  for (const nsp of ['/visitor', '/agent'] as const) {
    for (const _ of frames(nsp)) spare[nsp].push(await spareSocket(nsp));
  }
  before = await h.snapshot();
});

afterAll(async () => {
  for (const s of [...spare['/visitor'], ...spare['/agent']]) s.close();
  await (h as Harness | undefined)?.close();
});

async function inBatches<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(run));
}

/** Null when the server refused the payload as it should; otherwise what it did instead. */
async function refusal(client: TestClient, event: string, payload: unknown): Promise<string | null> {
  try {
    const r = await client.request(event, payload);
    if (!r.ok && r.error.code === 'invalid_payload' && ErrorBody.safeParse(r.error).success) return null;
    return toJson(r).slice(0, 200);
  } catch (e) {
    return `no answer (${(e as Error).message})`;
  }
}

async function fuzzEvents(client: TestClient, targets: Target[], salt: number): Promise<string[]> {
  const failures: string[] = [];
  for (const [i, t] of targets.entries()) {
    const payloads = draw(refused(t.valid, t.ok), PER_EVENT, salt + i);
    await inBatches(payloads, 120, async (p) => {
      const why = await refusal(client, t.event, p);
      if (why) failures.push(`${t.event} ${preview(p)} -> ${why}`);
    });
    sent.events += payloads.length;
  }
  return failures;
}

/** Null when the answer has an expected 4xx status and an `{ error: { code, message } }` body. */
async function refusalOverHttp(call: Call): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(`${h.url}${call.path}`, {
      method: call.method,
      headers: call.headers,
      ...(call.body === undefined ? {} : { body: call.body }),
    });
  } catch (e) {
    return `request failed (${(e as Error).message})`;
  }
  const body = await res.text();
  if (!call.expect.includes(res.status)) return `HTTP ${res.status} ${body.slice(0, 160)}`;
  try {
    const parsed: unknown = JSON.parse(body);
    if (isRecord(parsed) && ErrorBody.safeParse(parsed.error).success) return null;
  } catch {
    // not JSON: reported below
  }
  return `HTTP ${res.status} without an error body: ${body.slice(0, 160)}`;
}

describe('fuzzing every input of one server', () => {
  it(
    'refuses every malformed socket payload with an invalid_payload ack',
    async () => {
      const failures = (
        await Promise.all([fuzzEvents(visitor, visitorEvents(facts), 0), fuzzEvents(agent, agentEvents(facts), 100)])
      ).flat();
      expect(failures.slice(0, 10), `${failures.length} payloads were not refused`).toEqual([]);
      expect(visitor.socket.connected && agent.socket.connected).toBe(true);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'refuses every malformed REST request with a 4xx and an error body',
    async () => {
      const session = { cookie: agent.cookie, csrf: agent.csrf };
      const calls = [
        ...routes(facts).flatMap((route, i) => draw(badCalls(route, session), PER_ROUTE, 1000 + i)),
        ...wrongMethods.map(([method, path]): Call => ({
          method,
          path,
          headers: headersFor('admin', session),
          expect: [404],
        })),
      ];
      const failures: string[] = [];
      await inBatches(calls, 24, async (call) => {
        const why = await refusalOverHttp(call);
        if (why) failures.push(`${call.method} ${call.path.slice(0, 100)} ${call.body?.slice(0, 80) ?? ''} -> ${why}`);
      });
      sent.rest += calls.length;
      expect(failures.slice(0, 10), `${failures.length} requests were not refused`).toEqual([]);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'refuses malformed handshakes, broken frames and frames over the size limit',
    async () => {
      // The handshake is plain JSON, so a byte array arrives as an object of numbers.
      const auths = draw(
        refused(
          { siteKey: h.demo.siteKey, token: visitor.token, identity: 'e30.e30.sig', locale: 'ar' },
          accepts(VisitorAuth),
          plainJson,
        ).filter(isRecord),
        HANDSHAKES,
        2000,
      );
      const cookies = draw(
        fc.oneof(
          fc.stringMatching(/^[\x20-\x7e]{0,200}$/),
          fc.base64String({ minLength: 20, maxLength: 100 }).map((s) => `cascade_session=${s}`),
        ),
        BAD_COOKIES,
        2001,
      );
      const outcomes: string[] = [];
      await inBatches(
        auths,
        10,
        async (auth) => void outcomes.push(`visitor ${await handshake(h.url, '/visitor', { auth })}`),
      );
      await inBatches(
        cookies,
        10,
        async (cookie) => void outcomes.push(`agent ${await handshake(h.url, '/agent', { cookie })}`),
      );
      sent.handshakes += auths.length + cookies.length;
      expect(outcomes.filter((o) => o !== 'visitor invalid_payload' && o !== 'agent unauthorized')).toEqual([]);

      const raw = (['/visitor', '/agent'] as const).flatMap((nsp) =>
        frames(nsp).map((f, i) => ({ ...f, nsp, socket: spare[nsp][i] })),
      );
      const got = await Promise.all(
        raw.map((f) => (f.socket ? rawOutcome(f.socket, f.nsp, f) : Promise.resolve('no socket'))),
      );
      expect(got).toEqual(raw.map((f) => f.expect));

      // The long-polling transport has the same limit.
      const open = await (await fetch(`${h.url}/socket.io/?EIO=4&transport=polling`)).text();
      const { sid } = JSON.parse(open.slice(1)) as { sid: string };
      const post = await fetch(`${h.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
        method: 'POST',
        body: 'x'.repeat(LIMIT + 1),
      });
      expect(post.status).toBe(413);
      sent.frames += raw.length + 1;
    },
    SCENARIO_TIMEOUT_MS,
  );

  it('changed nothing stored, polluted no prototype, and still serves everyone', async () => {
    const after = await h.snapshot();
    // Refused handshakes still count against the per-address connection limit: that is its job.
    // Any other rate window (the site's, or a conversation's own) may only have ended during the run.
    const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => {
      if (key.startsWith(`${h.prefix}:rate:connect:`)) return false;
      // Who is connected is live state that sockets opened and closed by the fuzzing change, not stored data.
      if (key.endsWith(':presence')) return false;
      if (key.includes(':rate:') && !(key in after)) return false;
      return before[key] !== after[key];
    });
    expect(changed).toEqual([]);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    await visitor.ok('messages:sync', { after: null });
    await agent.ok('inbox:get', {});
    const fresh = await h.visitor();
    await fresh.ok('message:send', { clientMsgId: randomUUID(), text: 'how long does delivery take?' });
    await fresh.next<Message>('message:new', (m) => m.author === 'bot');

    const total = sent.events + sent.rest + sent.handshakes + sent.frames;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(
      `fuzz: ${total} payloads (${sent.events} socket events, ${sent.rest} REST requests, ` +
        `${sent.handshakes} handshakes, ${sent.frames} raw or oversized frames) in ${seconds} s, seed ${SEED}`,
    );
    expect(total).toBeGreaterThanOrEqual(10_000);
  }, 30_000);
});

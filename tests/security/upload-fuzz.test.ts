/**
 * Malformed uploads against both upload routes and the file links of one server: wrong ids,
 * names, tokens and bytes of every kind. Each is refused with a code and a message or stored
 * as a kind of file the site accepts, and the process keeps serving. The seed is fixed.
 */
import { randomUUID } from 'node:crypto';
import { AttachmentType, ErrorBody, UploadReply } from '@cascade/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../support/clients.ts';
import { startCascade, type Harness } from '../support/harness.ts';
import { SEED } from './fuzz/payloads.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

const RUNS = 150;

let h: Harness;
let visitor: TestClient & { token: string };
let agent: TestClient & { cookie: string; csrf: string };
let conversationId: string;

beforeAll(async () => {
  h = await startCascade();
  visitor = await h.visitor();
  agent = await h.agent('admin@cedar.example');
  await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'hello' });
  const c = await h.cascade.visitors.currentConversation(
    h.demo.siteId,
    (await h.cascade.visitors.byToken(visitor.token))!.visitorId,
  );
  conversationId = c!;
});
afterAll(async () => {
  await h.close();
});

type Upload = {
  who: 'visitor' | 'agent';
  uploadId: string;
  name: string | null;
  token: string | null;
  bytes: Uint8Array;
  type: string;
};

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.string({ maxLength: 512 }).map((s) => new TextEncoder().encode(s)),
  fc.constantFrom(
    new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    new TextEncoder().encode('<!DOCTYPE html><p>hi</p>'),
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
    new TextEncoder().encode('%PDF-1.4 broken'),
    Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
  ),
);
const upload: fc.Arbitrary<Upload> = fc.record({
  who: fc.constantFrom('visitor', 'agent'),
  uploadId: fc.oneof(fc.uuid(), fc.string({ maxLength: 80 }), fc.constantFrom('..', '%2e%2e', 'a/b', '')),
  name: fc.option(
    fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.constant('../../x')),
    { nil: null },
  ),
  token: fc.option(fc.oneof(fc.string({ maxLength: 200 }), fc.constant('x'.repeat(40))), { nil: null }),
  bytes,
  type: fc.constantFrom(
    'application/octet-stream',
    'image/png',
    'text/html',
    'application/json',
    'multipart/form-data',
  ),
});

async function send(u: Upload, validToken: boolean): Promise<Response> {
  const query = u.name === null ? '' : `?name=${encodeURIComponent(u.name)}`;
  const path =
    u.who === 'visitor'
      ? `/api/visitor/files/${encodeURIComponent(u.uploadId)}${query}`
      : `/api/conversations/${conversationId}/files/${encodeURIComponent(u.uploadId)}${query}`;
  const auth: Record<string, string> =
    u.who === 'visitor'
      ? { 'x-visitor-token': validToken ? visitor.token : (u.token ?? '') }
      : validToken
        ? { cookie: agent.cookie, 'x-cascade-csrf': agent.csrf }
        : {};
  return fetch(`${h.url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': u.type, ...auth },
    body: new Uint8Array(u.bytes),
  });
}

describe('fuzzing the upload routes', () => {
  it(
    'refuses every malformed upload with a code, or stores it as a kind of file the site accepts',
    async () => {
      for (const [i, u] of fc.sample(upload, { seed: SEED, numRuns: RUNS }).entries()) {
        const res = await send(u, i % 3 !== 0);
        const body: unknown = await res.json();
        if (res.status === 200) {
          const { file } = UploadReply.parse(body);
          expect(AttachmentType.options).toContain(file.type);
          const served = await fetch(`${h.url}${new URL(file.url).pathname}${new URL(file.url).search}`);
          expect(served.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
          if (!file.image) expect(served.headers.get('content-disposition')).toMatch(/^attachment; /);
        } else {
          expect(res.status, JSON.stringify(u)).toBeGreaterThanOrEqual(400);
          expect(res.status, JSON.stringify(u)).toBeLessThan(500);
          expect(ErrorBody.safeParse((body as { error: unknown }).error).success).toBe(true);
        }
      }
      // Still serving: a good upload goes through.
      const good = await send(
        {
          who: 'visitor',
          uploadId: randomUUID(),
          name: 'ok.txt',
          token: null,
          bytes: new TextEncoder().encode('fine'),
          type: 'text/plain',
        },
        true,
      );
      expect(good.status).toBe(200);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it('refuses links that were not signed by this server', async () => {
    const links = fc.record({
      id: fc.oneof(fc.constant('f_AAAAAAAAAAAAAAAAAAAAAA'), fc.string({ maxLength: 40 })),
      name: fc.string({ maxLength: 40 }),
      e: fc.oneof(fc.integer(), fc.string({ maxLength: 20 })),
      s: fc.string({ maxLength: 60 }),
    });
    for (const l of fc.sample(links, { seed: SEED + 1, numRuns: RUNS })) {
      const res = await fetch(
        `${h.url}/files/${encodeURIComponent(l.id)}/${encodeURIComponent(l.name) || 'x'}?e=${encodeURIComponent(String(l.e))}&s=${encodeURIComponent(l.s)}`,
      );
      expect([400, 404]).toContain(res.status);
    }
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { openApiPath, type OpenApiDocument, type RouteDoc } from '@cascade/server';
import { ErrorReply, type Message } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';

let h: Harness;
let siteId: string;
let auth: { cookie: string; csrf: string };
let doc: OpenApiDocument;
beforeAll(async () => {
  h = await startCascade();
  siteId = h.demo.siteId;
  auth = await h.login('admin@cedar.example');
  doc = (await (await fetch(`${h.url}/api/openapi.json`)).json()) as OpenApiDocument;
});
afterAll(async () => {
  await h.close();
});

/**
 * Every route Fastify registered, read from its own route tree (`printRoutes`), so the list owes
 * nothing to the description it is checked against.
 */
function registeredRoutes(): Array<{ method: string; url: string }> {
  const tree = h.app.printRoutes({ commonPrefix: false });
  const prefixes: string[] = [];
  const routes: Array<{ method: string; url: string }> = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    const url = (prefixes[depth - 1] ?? '') + (m[2] ?? '');
    prefixes[depth] = url;
    prefixes.length = depth + 1;
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      // HEAD mirrors GET; OPTIONS answers a browser's CORS preflight. Neither is an operation of the API.
      if (method && method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url });
    }
  }
  return routes;
}

/** Every `$ref` in the document, with where it sits. */
function refs(value: unknown, at = '#'): Array<{ ref: string; at: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === '$ref' && typeof v === 'string' ? [{ ref: v, at }] : refs(v, `${at}/${k}`),
  );
}

describe('the OpenAPI description', () => {
  it('describes every route the server registered under /api, with its method, and nothing else', () => {
    const registered = registeredRoutes().filter((r) => r.url.startsWith('/api/'));
    // The tree was read right: a deep route and a shallow one are there.
    expect(registered).toContainEqual({ method: 'POST', url: '/api/tickets/:ticketId/replies' });
    expect(registered).toContainEqual({ method: 'GET', url: '/api/openapi.json' });
    expect(registered.length).toBeGreaterThan(50);

    const missing = registered.filter((r) => !doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()]);
    expect(missing).toEqual([]);
    const apiOperations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(apiOperations.sort()).toEqual(registered.map((r) => `${r.method} ${openApiPath(r.url)}`).sort());
  });

  it('is an OpenAPI 3.1 document: paths, operations, parameters, and references that resolve', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(doc.components.schemas).length).toBeGreaterThan(5);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'apiToken',
      'csrf',
      'inboundSecret',
      'metricsToken',
      'session',
    ]);

    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\//);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(ops)) {
        expect(['get', 'put', 'post', 'delete', 'patch']).toContain(method);
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        expect(op.summary).toBeTruthy();
        expect(
          Object.keys(op.responses).some((s) => /^[23]\d\d$/.test(s)),
          `${method} ${path}`,
        ).toBe(true);
        const params = (op.parameters ?? []) as Array<{ name: string; in: string; required: boolean }>;
        const inPath = params.filter((p) => p.in === 'path');
        expect(inPath.map((p) => p.name).sort(), `${method} ${path}`).toEqual(templated);
        expect(inPath.every((p) => p.required)).toBe(true);
        for (const scheme of op.security.flatMap((s) => Object.keys(s))) {
          expect(doc.components.securitySchemes).toHaveProperty(scheme);
        }
      }
    }
    for (const { ref, at } of refs(doc)) {
      const [, kind, name] = /^#\/components\/(schemas|responses)\/(.+)$/.exec(ref) ?? [];
      expect(kind && name && doc.components[kind as 'schemas' | 'responses'][name], `${ref} at ${at}`).toBeTruthy();
    }
  });

  it('says who may call each route: public, a role on the site, and the token scope', () => {
    const op = (path: string, method: string) => doc.paths[path]?.[method];
    expect(op('/api/auth/login', 'post')?.security).toEqual([]);
    expect(op('/api/audit', 'get')?.['x-cascade-role']).toBe('admin');
    expect(op('/api/audit', 'get')?.security).toEqual([{ session: [] }]);
    expect(op('/api/kb/try', 'post')?.['x-cascade-role']).toBe('supervisor');
    expect(op('/api/tickets/{ticketId}', 'patch')?.security).toEqual([
      { session: [], csrf: [] },
      { apiToken: ['tickets:write'] },
    ]);
    expect(op('/api/tickets', 'get')?.['x-cascade-token-scope']).toBe('tickets:read');
    // Every route under the guard names its role in the description, as in its config.
    for (const route of h.app.openapi.routes) {
      const described = op(openApiPath(route.url), route.method.toLowerCase());
      expect(described?.['x-cascade-role'], `${route.method} ${route.url}`).toBe(route.config.role);
    }
  });
});

/** A zod schema, as the routes hold them. */
type Schema = NonNullable<RouteDoc['body']>;

type Call = { status: number; body: unknown; type: string };

/**
 * Calls a route as the signed-in demo admin (or with other headers) and checks the answer against
 * the schema the route declares for that status (an error, against the error schema every
 * operation names): the same schemas the description is built from. A JSON answer must parse,
 * and parse to itself: a field the schema does not describe fails.
 */
async function check(
  method: string,
  route: string,
  opts: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<Call> {
  const path = route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(opts.params?.[name] ?? ''));
  const qs = opts.query ? `?${new URLSearchParams(opts.query)}` : '';
  const res = await fetch(`${h.url}${path}${qs}`, {
    method,
    headers: {
      ...(opts.headers ?? { cookie: auth.cookie, 'x-cascade-csrf': auth.csrf }),
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const call: Call = { status: res.status, body: type.startsWith('application/json') ? JSON.parse(text) : text, type };
  const described = h.app.openapi.routes.find((r) => r.method === method && r.url === route);
  expect(described, `${method} ${route} is described`).toBeDefined();
  const reply = res.status >= 400 ? ErrorReply : described!.doc.response[res.status];
  expect(reply, `${method} ${route} answered ${res.status}: ${text.slice(0, 300)}`).toBeDefined();
  if (reply === null) {
    expect(text).toBe('');
    return call;
  }
  const schema = ('_zod' in reply! ? reply : (reply as Record<string, Schema>)[type.split(';')[0] ?? '']) as Schema;
  expect(schema, `${method} ${route}: ${type} is a described media type`).toBeDefined();
  const parsed = schema.safeParse(call.body);
  expect(parsed.error?.issues ?? [], `${method} ${route}`).toEqual([]);
  expect(parsed.data, `${method} ${route}: every field is described`).toEqual(call.body);
  return call;
}

describe('answers match their schemas', () => {
  it('for the signed-in agent, their account and two-step sign-in', async () => {
    await check('GET', '/api/auth/me');
    await check('GET', '/api/auth/totp');
    const setup = await check('POST', '/api/auth/totp/setup');
    expect(setup.status).toBe(200);
  });

  it('for tickets, replies and deliveries', async () => {
    const now = Date.now();
    const { ticket } = await h.cascade.tickets.createOnce({
      id: randomUUID().replace(/-/g, ''),
      siteId,
      conversationId: randomUUID().replace(/-/g, ''),
      status: 'open',
      reason: 'followup',
      skill: 'general',
      level: 1,
      assigneeId: null,
      note: null,
      visitor: { id: 'v1', name: 'Dana', email: 'dana@example.com', locale: 'en' },
      transcript: [],
      pages: [],
      history: [],
      createdAt: now,
      updatedAt: now,
    });
    const params = { ticketId: ticket.id };
    await check('GET', '/api/tickets', { query: { siteId } });
    await check('GET', '/api/tickets/:ticketId', { params });
    await check('PATCH', '/api/tickets/:ticketId', { params, body: { status: 'pending' } });
    expect(
      (await check('POST', '/api/tickets/:ticketId/replies', { params, body: { text: 'On its way.' } })).status,
    ).toBe(201);
    await check('GET', '/api/deliveries', { query: { siteId } });
    // An error answers with the error schema the description gives every route.
    const missing = await check('GET', '/api/tickets/:ticketId', { params: { ticketId: 'nosuchticket' } });
    expect(missing.status).toBe(404);
  });

  it('for the knowledge base, canned replies and the bot', async () => {
    await check('GET', '/api/kb', { query: { siteId } });
    await check('GET', '/api/kb/export', { query: { siteId } });
    const csv = await check('GET', '/api/kb/export', { query: { siteId, format: 'csv' } });
    expect(csv.type).toMatch(/^text\/csv/);
    await check('POST', '/api/kb/try', { body: { siteId, text: 'How long does delivery take?' } });
    await check('GET', '/api/canned', { query: { siteId } });
    const saved = await check('POST', '/api/canned', {
      query: { siteId },
      body: { shortcut: 'thanks', language: 'en', text: 'Thank you for waiting.' },
    });
    const { reply } = saved.body as { reply: { id: string } };
    expect(
      (await check('DELETE', '/api/canned/:cannedId', { params: { cannedId: reply.id }, query: { siteId } })).status,
    ).toBe(204);
  });

  it('for the site, its people and invitations', async () => {
    await check('GET', '/api/sites/settings', { query: { siteId } });
    await check('GET', '/api/sites/installation', { query: { siteId } });
    await check('GET', '/api/board', { query: { siteId } });
    await check('GET', '/api/metrics/summary', { query: { siteId } });
    const { body } = await check('GET', '/api/agents', { query: { siteId } });
    const agentId = (body as { agents: Array<{ id: string }> }).agents[0]!.id;
    await check('GET', '/api/agents/:agentId', { params: { agentId }, query: { siteId } });
    const email = `invitee-${randomBytes(4).toString('hex')}@example.com`;
    await check('POST', '/api/invitations', { body: { siteId, email, role: 'agent', level: 1 } });
    await check('GET', '/api/invitations', { query: { siteId } });
  });

  it('for conversations, history, privacy, retention and the audit log', async () => {
    const visitor = await h.visitor();
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'Hello, is anyone there?' });
    const message = await visitor.next<Message>('message:new', (m) => m.author === 'visitor');
    await check('GET', '/api/conversations/:conversationId', { params: { conversationId: message.conversationId } });
    visitor.close();
    await check('GET', '/api/conversations', { query: { siteId } });
    const to = Date.now();
    await check('GET', '/api/history/summary', { query: { siteId, from: String(to - 86_400_000), to: String(to) } });
    await check('GET', '/api/history/nps-comments', {
      query: { siteId, from: String(to - 86_400_000), to: String(to) },
    });
    await check('GET', '/api/privacy/erasures', { query: { siteId } });
    await check('POST', '/api/privacy/find', { body: { siteId, email: 'nobody@example.com' } });
    await check('GET', '/api/retention', { query: { siteId } });
    await check('GET', '/api/audit', { query: { siteId } });
  });

  it('for API tokens, and for a call made with one', async () => {
    const created = await check('POST', '/api/integrations/tokens', {
      body: { siteId, name: 'Helpdesk sync', scopes: ['tickets:read'] },
    });
    expect(created.status).toBe(201);
    const { token, secret } = created.body as { token: { id: string }; secret: string };
    await check('GET', '/api/integrations/tokens', { query: { siteId } });
    await check('GET', '/api/tickets', { query: { siteId }, headers: { authorization: `Bearer ${secret}` } });
    const revoked = await check('DELETE', '/api/integrations/tokens/:tokenId', {
      params: { tokenId: token.id },
      query: { siteId },
    });
    expect(revoked.status).toBe(204);
  });

  it('for the public routes: the widget, the setup link, a forgotten password, health', async () => {
    const none = {};
    await check('GET', '/api/widget/config', { query: { siteKey: h.demo.siteKey }, headers: none });
    const setup = await check('GET', '/api/setup/:token', { params: { token: 'x'.repeat(43) }, headers: none });
    expect(setup.body).toEqual({ valid: false });
    expect(
      (await check('POST', '/api/auth/forgot', { body: { email: 'nobody@example.com' }, headers: none })).status,
    ).toBe(202);
    await check('GET', '/api/openapi.json', { headers: none });
    await check('GET', '/healthz', { headers: none });
    await check('GET', '/readyz', { headers: none });
  });
});

describe('the docs page', () => {
  it('answers HTML rendered from the description, under the strict CSP and with no script', async () => {
    const res = await fetch(`${h.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!json-schema|spec\.openapis)/i);
    expect(html).toContain('/api/tickets/{ticketId}/replies');
    expect(html).toContain('X-Cascade-CSRF');
    expect(html).toContain('id="schema-Ticket"');
    // Every operation of the description has its section.
    const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops));
    for (const op of operations) expect(html).toContain(`id="${op.operationId}"`);
  });
});

import fc from 'fast-check';
import { KB_LIMITS } from '@cascade/shared';
import { DROP, hostile, LIMIT, plainJson, POISON, refused, text } from './payloads.ts';
import type { Part, Query, Route } from './routes.ts';

export type Session = { cookie: string; csrf: string };
/** One request and the statuses it may get: which one depends on who answers first (router, body parser, route). */
export type Call = { method: string; path: string; headers: Record<string, string>; body?: string; expect: number[] };
type Who = 'admin' | 'anonymous' | 'forged' | 'no-csrf';

function encodeQuery(query: Query): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const one of [v].flat()) search.append(k, one);
  return search.toString();
}

/** How the server reads a query string: a repeated key becomes an array. */
function decodeQuery(encoded: string): Query {
  const out: Query = {};
  for (const [k, v] of new URLSearchParams(encoded)) {
    const seen = out[k];
    Object.defineProperty(out, k, {
      value: seen === undefined ? v : [seen, v].flat(),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

const encodeParams = (params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encodeURIComponent(v)]));

/** `segments` are percent-encoded already, so that badly encoded ones go out as they are. */
function pathOf(
  route: Route,
  segments = encodeParams(route.params?.valid ?? {}),
  query = route.query ? encodeQuery(route.query.valid) : '',
): string {
  const path = route.path.replace(/:(\w+)/g, (_m, name: string) => segments[name] ?? '');
  return query ? `${path}?${query}` : path;
}

const wrongQueryValue = fc.oneof(
  hostile,
  text,
  fc.integer({ min: 201, max: 3000 }).map((n) => 'q'.repeat(n)),
  fc.constantFrom('0', '101', '1.5', '-3', '4', 'abc', '99999999999999999999', 'true'),
  fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 3 }),
);

function badQuery(q: Part<Query>): fc.Arbitrary<string> {
  return fc
    .record({
      key: fc.constantFrom(...Object.keys(q.valid)),
      value: fc.oneof({ weight: 5, arbitrary: wrongQueryValue }, { weight: 1, arbitrary: fc.constant(DROP) }),
      extra: fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 }),
    })
    .map(({ key, value, extra }) => {
      const query: Query = { ...extra, ...q.valid };
      const { [key]: _dropped, ...without } = query;
      return encodeQuery(value === DROP ? without : { ...query, [key]: value });
    })
    .filter((encoded) => !q.ok(decodeQuery(encoded)));
}

/**
 * Path segments that name no valid id, or are not even valid percent-encoding. `early` are the
 * answers the router gives before any route runs: an emptied or dotted segment matches no route
 * (404), a very long one is over the router's limit (414), a bad encoding is a 400.
 */
function badParams(
  p: Part<Record<string, string>>,
): fc.Arbitrary<{ segments: Record<string, string>; early: number[] }> {
  const key = fc.constantFrom(...Object.keys(p.valid));
  const value = fc.oneof(
    hostile,
    text,
    fc.integer({ min: 65, max: 400 }).map((n) => 'p'.repeat(n)),
    fc.constantFrom('a.b', 'a b', 'a/b', 'a%b', 'ä'),
  );
  const decodable = fc
    .record({ key, value })
    .map(({ key, value }) => ({ ...p.valid, [key]: value }))
    .filter((params) => !p.ok(params))
    .map((params) => ({ segments: encodeParams(params), early: [404, 414] }));
  const undecodable = fc
    .record({ key, raw: fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%80', '%FF', 'a%uD800') })
    .map(({ key, raw }) => ({ segments: { ...encodeParams(p.valid), [key]: raw }, early: [400] }));
  return fc.oneof({ weight: 5, arbitrary: decodable }, { weight: 1, arbitrary: undecodable });
}

const parsesAsJson = (t: string) => {
  try {
    // The body parser skips a byte-order mark.
    JSON.parse(t.replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
};
const malformedJson = fc
  .oneof(
    text,
    fc.jsonValue({ maxDepth: 3 }).chain((v) => {
      const whole = JSON.stringify(v);
      return fc.nat(whole.length).map((n) => whole.slice(0, n));
    }),
    fc.constantFrom(
      '{',
      '[1,]',
      "{'a':1}",
      '{"a":1,}',
      'NaN',
      'undefined',
      '{"a":undefined}',
      '01',
      '+1',
      '"open',
      '\uFEFF{',
      '{"a":"\\x"}',
    ),
  )
  .filter((t) => !parsesAsJson(t));
const unsupportedType = fc.constantFrom(
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=cascade',
  'text/html',
  'application/octet-stream',
  'image/png',
  'application/javascript',
  'application/jsonx',
  'text/json',
);

export function headersFor(who: Who, session: Session): Record<string, string> {
  if (who === 'admin') return { cookie: session.cookie, 'x-cascade-csrf': session.csrf };
  if (who === 'no-csrf') return { cookie: session.cookie };
  if (who === 'forged') return { cookie: `cascade_session=${'A'.repeat(43)}`, 'x-cascade-csrf': session.csrf };
  return {};
}

/** Requests to one route that must all be refused, mostly as a signed-in admin so that the input checks run. */
export function badCalls(route: Route, session: Session): fc.Arbitrary<Call> {
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  const validBody = route.body ? JSON.stringify(route.body.valid) : undefined;
  const who = fc.oneof(
    { weight: 8, arbitrary: fc.constant<Who>('admin') },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Who>('anonymous', 'forged', ...(route.method === 'GET' ? [] : (['no-csrf'] as const))),
    },
  );
  // A route checks who is asking before it reads the input; the router answers before both.
  const call = (w: Who, path: string, status: number, body?: string, early: number[] = []): Call => {
    const refusedAs = route.public || w === 'admin' ? null : w === 'no-csrf' ? 403 : 401;
    return {
      method: route.method,
      path,
      headers: { ...headersFor(w, session), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body }),
      expect: [refusedAs ?? status, ...early],
    };
  };
  // Refused by the body parser before the route runs: safe even on routes that act without reading a body.
  const raw = (body: string, type: string, status: number): Call => ({
    method: route.method,
    path: pathOf(route),
    headers: { ...headersFor('admin', session), 'content-type': type },
    body,
    expect: [status],
  });

  const kinds: fc.Arbitrary<Call>[] = [];
  if (route.query)
    kinds.push(
      fc.tuple(badQuery(route.query), who).map(([q, w]) => call(w, pathOf(route, undefined, q), 400, validBody)),
    );
  if (route.params)
    kinds.push(
      fc
        .tuple(badParams(route.params), who)
        .map(([p, w]) => call(w, pathOf(route, p.segments), 400, validBody, p.early)),
    );
  if (route.body && hasBody)
    kinds.push(
      refused(route.body.valid, route.body.ok, plainJson).map((b) =>
        call('admin', pathOf(route), 400, JSON.stringify(b)),
      ),
    );
  if (hasBody) {
    const max = route.path === '/api/kb/import' ? KB_LIMITS.importBytes : LIMIT;
    kinds.push(
      fc.oneof(
        malformedJson.map((t) => raw(t, 'application/json', 400)),
        fc.constantFrom(...POISON).map((t) => raw(t, 'application/json', 400)),
        fc.constant(raw('', 'application/json', 400)),
        fc.tuple(text, unsupportedType).map(([t, type]) => raw(t, type, 415)),
        fc
          .integer({ min: 1, max: max === LIMIT ? 200_000 : 4096 })
          .map((n) => raw(JSON.stringify({ data: 'x'.repeat(max + n) }), 'application/json', 413)),
        // Plain text is parsed, so it goes only to routes that check their body.
        ...(route.body ? [text.map((t) => raw(t, 'text/plain', 400))] : []),
      ),
    );
  }
  if (kinds.length === 0)
    kinds.push(fc.constantFrom<Who>('anonymous', 'forged').map((w) => call(w, pathOf(route), 401)));
  return fc.oneof(...kinds);
}

import fc from 'fast-check';

/** Fixed, so that a failure replays exactly. */
export const SEED = 20_251_107;
/** Socket.IO and Fastify refuse anything over 64 KB; fuzzed payloads stay under it so that they reach the parser. */
export const LIMIT = 64 * 1024;
const BUDGET = 60_000;

type Schema = { safeParse(value: unknown): { success: boolean } };
/** Whether the server would take a value: the oracle a refused payload must fail. */
export type Accepts = (value: unknown) => boolean;
/** The server reads a missing payload or body as `{}`. */
export const accepts =
  (schema: Schema): Accepts =>
  (value) =>
    schema.safeParse(value ?? {}).success;
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const BINARY = '\u0000binary';
export const toJson = (value: unknown): string =>
  JSON.stringify(value ?? null, (_k, v: unknown) => (v instanceof Uint8Array ? { [BINARY]: Array.from(v) } : v));
/** What a Socket.IO frame carries: JSON, except byte arrays, which go as binary attachments. */
export const onTheWire = (value: unknown): unknown =>
  JSON.parse(toJson(value), (_k, v: unknown) =>
    isRecord(v) && Array.isArray(v[BINARY]) ? Uint8Array.from(v[BINARY] as number[]) : v,
  );
/** What a REST body or a handshake carries: plain JSON, a byte array turned into an object of numbers. */
export const plainJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));
export const preview = (value: unknown) => toJson(value).slice(0, 120);

/** JSON texts that would reach `Object.prototype` if a parser or a merge were careless. */
export const POISON = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
];
/** Parsed from text, so `__proto__` is an own key, as it is after the server parses a frame. */
const poisonKeys = JSON.parse(
  '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
) as Record<string, unknown>;

function nested(depth: number, arrays: boolean): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
}

export const text = fc.string({ unit: 'binary', maxLength: 40 });
export const hostile = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u202e',
  'null',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  '../../etc/passwd',
  '<img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '${7*7}',
  '%00',
  '{s:demo}:site',
  '*',
  'javascript:alert(1)',
  '__proto__',
);
/** Longer than any string the protocol allows (4096 is the longest), in ASCII to stay under the frame limit. */
const oversized = fc
  .tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 4097, max: 16_000 }))
  .map(([head, n]) => head + 'x'.repeat(n));
// Deeper nesting goes in raw frames: building it here would overflow the test's own stack.
const deep = fc.tuple(fc.integer({ min: 16, max: 1000 }), fc.boolean()).map(([depth, arrays]) => nested(depth, arrays));

/** A value of the wrong type or shape for almost any field. */
const wrong: fc.Arbitrary<unknown> = fc.oneof(
  hostile,
  oversized,
  deep,
  fc.constantFrom(...POISON).map((t): unknown => JSON.parse(t)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  text,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.uint8Array({ maxLength: 32 }),
);

type Path = (string | number)[];
/** Stands for "remove this field". */
export const DROP = Symbol('drop');

function pathsOf(value: unknown, at: Path = []): Path[] {
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : isRecord(value)
      ? Object.entries(value)
      : [];
  return children.flatMap(([k, v]) => [[...at, k], ...pathsOf(v, [...at, k])]);
}

function setAt(value: unknown, path: Path, next: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return next;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(isRecord(value) ? value : {}) }) as Record<
    string | number,
    unknown
  >;
  const inner = setAt(copy[key], rest, next);
  // defineProperty, not assignment: a key named `__proto__` must stay an own key.
  if (inner !== DROP)
    Object.defineProperty(copy, key, { value: inner, enumerable: true, writable: true, configurable: true });
  else if (Array.isArray(copy)) copy.splice(Number(key), 1);
  else {
    const { [key]: _dropped, ...without } = copy;
    return without;
  }
  return copy;
}

/** A valid example with one part broken (wrong type, too long, missing or unexpected), maybe with poisoned keys. */
function broken(valid: unknown): fc.Arbitrary<unknown> {
  return fc
    .record({
      path: fc.constantFrom<Path>(...pathsOf(valid), ['unexpected']),
      value: fc.oneof({ weight: 4, arbitrary: wrong }, { weight: 1, arbitrary: fc.constant<unknown>(DROP) }),
      poison: fc.boolean(),
    })
    .map(({ path, value, poison }) => {
      const out = setAt(valid, path, value);
      return poison && isRecord(out) ? { ...poisonKeys, ...out } : out;
    });
}

/**
 * Payloads the server must refuse: derived from a valid example or random, as the server will
 * receive them (`wire`), never accepted by the oracle, and small enough to be parsed.
 */
export function refused(
  valid: unknown,
  ok: Accepts,
  wire: (value: unknown) => unknown = onTheWire,
): fc.Arbitrary<unknown> {
  return fc
    .oneof(
      { weight: 6, arbitrary: broken(valid) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      { weight: 1, arbitrary: fc.object({ maxDepth: 2 }) },
      { weight: 2, arbitrary: wrong },
    )
    .map(wire)
    .filter((p) => !ok(p) && Buffer.byteLength(toJson(p)) < BUDGET);
}

/** `n` values, the same ones on every run. */
export const draw = <T>(arb: fc.Arbitrary<T>, n: number, salt: number): T[] =>
  fc.sample(arb, { seed: SEED + salt, numRuns: n });

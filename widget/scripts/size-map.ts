/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * Where the widget's bytes come from: reads the source maps of a `vite build --sourcemap`,
 * gives each generated character to the source it came from, and shares each file's gzip size
 * out in proportion (an estimate: gzip does not compress every part equally). Sources are
 * grouped by npm package, or by folder for Cascade's own code.
 */
type SourceMap = { sources: string[]; mappings: string };

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The fields of one mapping segment (VLQ, as the source map format writes them). */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** Generated characters per source index, from the mappings of a file whose lines are given. */
function charsBySource(map: SourceMap, lines: string[]): Map<number, number> {
  const chars = new Map<number, number>();
  let source = 0;
  map.mappings.split(';').forEach((line, lineIndex) => {
    const length = lines[lineIndex]?.length ?? 0;
    let column = 0;
    let current = -1;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const [columnDelta = 0, sourceDelta] = decodeSegment(segment);
      const next = column + columnDelta;
      if (current >= 0) chars.set(current, (chars.get(current) ?? 0) + next - column);
      column = next;
      if (sourceDelta !== undefined) {
        source += sourceDelta;
        current = source;
      } else current = -1;
    }
    if (current >= 0) chars.set(current, (chars.get(current) ?? 0) + length - column);
  });
  return chars;
}

/** `node_modules/.pnpm/x@1/node_modules/@scope/pkg/...` → `@scope/pkg`; `src/panel/x.tsx` → `src/panel`. */
function group(path: string): string {
  const inModules = path.split('node_modules/').at(-1) ?? path;
  if (inModules !== path) {
    const parts = inModules.split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
  }
  const parts = path.replace(/^(\.\.\/)+/, '').split('/');
  return parts.slice(0, -1).join('/') || path;
}

const dist = new URL('../dist/', import.meta.url);
const bytes = new Map<string, number>();
for (const name of readdirSync(dist)) {
  if (!name.endsWith('.js.map')) continue;
  const map = JSON.parse(readFileSync(new URL(name, dist), 'utf8')) as SourceMap;
  const code = readFileSync(new URL(name.replace(/\.map$/, ''), dist), 'utf8');
  const gzip = gzipSync(code, { level: 9 }).length;
  const chars = charsBySource(map, code.split('\n'));
  const mapped = [...chars.values()].reduce((a, b) => a + b, 0) || 1;
  for (const [index, count] of chars) {
    const key = group(map.sources[index] ?? '?');
    bytes.set(key, (bytes.get(key) ?? 0) + (count / mapped) * gzip);
  }
}
const estimatedGzipBytesBySource = Object.fromEntries(
  [...bytes].sort((a, b) => b[1] - a[1]).map(([key, n]) => [key, Math.round(n)]),
);
console.log(JSON.stringify({ estimatedGzipBytesBySource }));

import type { Redis } from '../redis/connect.ts';

type Scanner = {
  scanIterator(opts: { MATCH: string; COUNT: number }): AsyncIterable<string[]>;
};
type ClusterLike = { masters: unknown[]; nodeClient(node: unknown): Promise<Scanner> };

/**
 * Every key matching `pattern`, on one server or on each master of a cluster. For rare admin
 * work (finding a person by address); never on a request path that visitors drive.
 */
export async function* scanKeys(redis: Redis, pattern: string): AsyncGenerator<string> {
  const r = redis as unknown as Partial<Scanner & ClusterLike>;
  const nodes: Scanner[] =
    r.masters && r.nodeClient ? await Promise.all(r.masters.map((m) => r.nodeClient!(m))) : [r as Scanner];
  for (const node of nodes) {
    for await (const batch of node.scanIterator({ MATCH: pattern, COUNT: 500 })) yield* batch;
  }
}

/** Escapes glob characters of an id put into a SCAN pattern. */
export const globEscape = (s: string) => s.replace(/[*?[\]\\]/g, '\\$&');

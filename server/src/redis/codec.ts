import type { z } from 'zod';

/**
 * Records are stored as Redis hashes with one JSON-encoded value per field, so a single
 * field (a state, an agent id) can be read or changed on its own, also from Lua (cjson).
 */
export function toHash(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = JSON.stringify(v);
  return out;
}

export function fromHash<S extends z.ZodType>(schema: S, hash: Record<string, string>): z.infer<S> | null {
  const entries = Object.entries(hash);
  if (entries.length === 0) return null;
  const raw: Record<string, unknown> = {};
  for (const [k, v] of entries) raw[k] = JSON.parse(v);
  return schema.parse(raw);
}

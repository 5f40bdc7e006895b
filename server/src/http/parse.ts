import { CascadeError } from '@cascade/shared';
import type { z } from 'zod';

/** Parses a request part with its schema; a failure is a 400 that names the field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new CascadeError('invalid_payload', `${where}${issue?.message ?? 'invalid request'}`);
}

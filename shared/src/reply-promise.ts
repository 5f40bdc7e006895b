import { z } from 'zod';

/**
 * A site's promise to a visitor nobody can answer now: "we'll reply by …", that many business
 * hours (the site's hours and holidays) after they asked for a person.
 */
export const ReplyPromise = z.object({ businessHours: z.number().int().min(1).max(240) });
export type ReplyPromise = z.infer<typeof ReplyPromise>;

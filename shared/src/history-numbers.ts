import { z } from 'zod';
import { SiteId } from './ids.ts';

/** The longest range the history numbers and exports cover in one request. */
export const MAX_HISTORY_RANGE_MS = 366 * 24 * 3600 * 1000;

/** `GET /api/history/summary` and the CSV exports (conversations, agents, tags): one site, conversations started in [from, to). */
export const HistoryRange = z
  .object({
    siteId: SiteId,
    from: z.coerce.number().int().nonnegative(),
    to: z.coerce.number().int().nonnegative(),
  })
  .refine((q) => q.from < q.to, { error: 'from must be before to', path: ['from'] })
  .refine((q) => q.to - q.from <= MAX_HISTORY_RANGE_MS, { error: 'the range is at most a year', path: ['to'] });
export type HistoryRange = z.infer<typeof HistoryRange>;

/** The numbers of the ended conversations a range holds, computed in PostgreSQL. */
export const HistorySummary = z.object({
  from: z.number().int(),
  to: z.number().int(),
  conversations: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  ticketed: z.number().int().nonnegative(),
  abandoned: z.number().int().nonnegative(),
  resolvedByBot: z.number().int().nonnegative(),
  /** Resolved without a transfer or a ticket, of all that ended. */
  firstContactResolution: z.number().min(0).max(1).nullable(),
  transfers: z.number().int().nonnegative(),
  ratings: z.number().int().nonnegative(),
  csatAverage: z.number().nullable(),
  /** Share of ratings of 4 or 5. */
  csatSatisfied: z.number().min(0).max(1).nullable(),
  avgWaitMs: z.number().nullable(),
  avgFirstResponseMs: z.number().nullable(),
  avgHandleMs: z.number().nullable(),
  byTag: z.array(z.object({ tag: z.string(), conversations: z.number().int().nonnegative() })),
  byAgent: z.array(
    z.object({
      agentId: z.string(),
      conversations: z.number().int().nonnegative(),
      csatAverage: z.number().nullable(),
    }),
  ),
});
export type HistorySummary = z.infer<typeof HistorySummary>;

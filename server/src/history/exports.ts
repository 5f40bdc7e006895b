import type { HistoryRange } from '@cascade/shared';
import type { Db } from './db.ts';
import { csvCell } from './numbers.ts';

export const AGENTS_CSV_COLUMNS = [
  'agent',
  'name',
  'handled',
  'resolved',
  'ticketed',
  'transferred',
  'median_first_response_s',
  'median_handle_s',
  'ratings',
  'rating_mean',
] as const;

export const TAGS_CSV_COLUMNS = [
  'tag',
  'conversations',
  'resolved',
  'ticketed',
  'abandoned',
  'ratings',
  'rating_mean',
] as const;

const ms = (field: string) => `(data->>'${field}')::float8`;
const seconds = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) / 100) / 10);
const mean = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);

function toCsv(columns: readonly string[], rows: (string | number | null | undefined)[][]): string {
  return `${[columns.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n')}\r\n`;
}

/**
 * The per-agent and per-tag CSV exports of a range, computed in PostgreSQL. A conversation
 * counts for the agent it ended with; a transfer counts for the agent who made it.
 */
export function historyExports(db: Db) {
  const range = (q: HistoryRange) => [q.siteId, new Date(q.from).toISOString(), new Date(q.to).toISOString()];
  const inRange = 'site_id = $1 AND created_at >= $2 AND created_at < $3';

  return {
    /** `names` maps agent ids to names; an agent who has left the site keeps an empty name. */
    async agents(q: HistoryRange, names: ReadonlyMap<string, string>): Promise<string> {
      const rows = await db.query<Record<string, string | number | null>>(
        `WITH ranged AS (SELECT * FROM conversations WHERE ${inRange}),
         handled AS (
           SELECT agent_id, count(*)::int AS handled,
             count(*) FILTER (WHERE state = 'resolved')::int AS resolved,
             count(*) FILTER (WHERE state = 'ticketed')::int AS ticketed,
             -- After a transfer the first response came before this agent's assignment: it is not theirs.
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${ms('firstResponseAt')} - ${ms('assignedAt')})
               FILTER (WHERE ${ms('firstResponseAt')} >= ${ms('assignedAt')}) AS first_response,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${ms('closedAt')} - ${ms('assignedAt')}) AS handle,
             count(csat_score)::int AS ratings, avg(csat_score)::float8 AS rating
           FROM ranged WHERE agent_id IS NOT NULL GROUP BY agent_id),
         moved AS (
           SELECT e.data->>'by' AS agent_id, count(*)::int AS transferred
           FROM events e JOIN ranged r ON r.id = e.conversation_id
           -- Events come after their conversation started: the bound lets PostgreSQL skip older partitions.
           WHERE e.site_id = $1 AND e.ts >= $2 AND e.event = 'transferred' AND e.data->>'by' <> 'system'
           GROUP BY 1)
         SELECT coalesce(h.agent_id, m.agent_id) AS agent_id, coalesce(h.handled, 0) AS handled,
           coalesce(h.resolved, 0) AS resolved, coalesce(h.ticketed, 0) AS ticketed,
           coalesce(m.transferred, 0) AS transferred, h.first_response, h.handle,
           coalesce(h.ratings, 0) AS ratings, h.rating
         FROM handled h FULL JOIN moved m ON m.agent_id = h.agent_id
         ORDER BY 1`,
        range(q),
      );
      return toCsv(
        AGENTS_CSV_COLUMNS,
        rows.map((r) => {
          const id = String(r.agent_id);
          return [
            id,
            names.get(id) ?? '',
            r.handled,
            r.resolved,
            r.ticketed,
            r.transferred,
            seconds(r.first_response),
            seconds(r.handle),
            r.ratings,
            mean(r.rating),
          ];
        }),
      );
    },

    async tags(q: HistoryRange): Promise<string> {
      const rows = await db.query<Record<string, string | number | null>>(
        `SELECT tag, count(*)::int AS conversations,
           count(*) FILTER (WHERE state = 'resolved')::int AS resolved,
           count(*) FILTER (WHERE state = 'ticketed')::int AS ticketed,
           count(*) FILTER (WHERE state = 'abandoned')::int AS abandoned,
           count(csat_score)::int AS ratings, avg(csat_score)::float8 AS rating
         FROM conversations, unnest(tags) AS tag WHERE ${inRange}
         GROUP BY tag ORDER BY conversations DESC, tag`,
        range(q),
      );
      return toCsv(
        TAGS_CSV_COLUMNS,
        rows.map((r) => [r.tag, r.conversations, r.resolved, r.ticketed, r.abandoned, r.ratings, mean(r.rating)]),
      );
    },
  };
}
export type HistoryExports = ReturnType<typeof historyExports>;

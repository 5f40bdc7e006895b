import { NPS_COMMENTS_MAX, type HistoryRange, type HistorySummary, type NpsComment } from '@cascade/shared';
import type { Db } from './db.ts';

/** Rows of one CSV export, at most; a longer range is exported in parts. */
export const CSV_MAX_ROWS = 100_000;

const ms = (field: string) => `(data->>'${field}')::float8`;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Text a spreadsheet would read as a formula starts with ' instead (CSV injection); numbers stay numbers. */
export function csvCell(v: string | number | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  'id',
  'started',
  'ended',
  'outcome',
  'resolved_by',
  'skill',
  'level',
  'agent',
  'language',
  'rating',
  'nps',
  'nps_comment',
  'transfers',
  'ticket',
  'tags',
] as const;

/** The dashboard's numbers and the conversation exports, from PostgreSQL, for any range up to a year. */
export function historyNumbers(db: Db) {
  const range = (q: HistoryRange) => [q.siteId, new Date(q.from).toISOString(), new Date(q.to).toISOString()];
  const inRange = 'site_id = $1 AND created_at >= $2 AND created_at < $3';

  return {
    async summary(q: HistoryRange): Promise<HistorySummary> {
      const [totals] = await db.query<Record<string, unknown>>(
        `SELECT count(*)::int AS conversations,
           count(*) FILTER (WHERE state = 'resolved')::int AS resolved,
           count(*) FILTER (WHERE state = 'ticketed')::int AS ticketed,
           count(*) FILTER (WHERE state = 'abandoned')::int AS abandoned,
           count(*) FILTER (WHERE resolved_by = 'bot')::int AS bot,
           count(*) FILTER (WHERE state = 'resolved' AND transfers = 0 AND ticket_id IS NULL)::int AS first_contact,
           coalesce(sum(transfers), 0)::int AS transfers,
           count(csat_score)::int AS ratings,
           avg(csat_score)::float8 AS csat_average,
           (count(*) FILTER (WHERE csat_score >= 4))::float8 / nullif(count(csat_score), 0) AS csat_satisfied,
           avg(${ms('assignedAt')} - ${ms('queuedAt')})::float8 AS wait,
           avg(${ms('firstResponseAt')} - ${ms('assignedAt')})
             FILTER (WHERE ${ms('firstResponseAt')} >= ${ms('assignedAt')})::float8 AS first_response,
           avg(${ms('closedAt')} - ${ms('assignedAt')})::float8 AS handle
         FROM conversations WHERE ${inRange}`,
        range(q),
      );
      const byTag = await db.query<{ tag: string; n: number }>(
        `SELECT tag, count(*)::int AS n FROM conversations, unnest(tags) AS tag
         WHERE ${inRange} GROUP BY tag ORDER BY n DESC, tag LIMIT 100`,
        range(q),
      );
      const byAgent = await db.query<{ agent_id: string; n: number; csat: number | null }>(
        `SELECT agent_id, count(*)::int AS n, avg(csat_score)::float8 AS csat FROM conversations
         WHERE ${inRange} AND agent_id IS NOT NULL GROUP BY agent_id ORDER BY n DESC, agent_id LIMIT 500`,
        range(q),
      );
      const t = totals ?? {};
      const conversations = Number(t.conversations ?? 0);
      return {
        from: q.from,
        to: q.to,
        conversations,
        resolved: Number(t.resolved ?? 0),
        ticketed: Number(t.ticketed ?? 0),
        abandoned: Number(t.abandoned ?? 0),
        resolvedByBot: Number(t.bot ?? 0),
        firstContactResolution: conversations > 0 ? Number(t.first_contact ?? 0) / conversations : null,
        transfers: Number(t.transfers ?? 0),
        ratings: Number(t.ratings ?? 0),
        csatAverage: num(t.csat_average),
        csatSatisfied: num(t.csat_satisfied),
        avgWaitMs: num(t.wait),
        avgFirstResponseMs: num(t.first_response),
        avgHandleMs: num(t.handle),
        byTag: byTag.map((r) => ({ tag: r.tag, conversations: r.n })),
        byAgent: byAgent.map((r) => ({ agentId: r.agent_id, conversations: r.n, csatAverage: num(r.csat) })),
      };
    },

    /** The range's latest NPS answers that came with a comment, newest first. */
    async npsComments(q: HistoryRange): Promise<NpsComment[]> {
      const rows = await db.query<{ id: string; score: number; comment: string; ts: string }>(
        `SELECT id, nps_score AS score, data->'nps'->>'comment' AS comment, data->'nps'->>'ts' AS ts
         FROM conversations
         WHERE ${inRange} AND nps_score IS NOT NULL AND coalesce(data->'nps'->>'comment', '') <> ''
         ORDER BY (data->'nps'->>'ts')::float8 DESC, id LIMIT ${NPS_COMMENTS_MAX}`,
        range(q),
      );
      return rows.map((r) => ({ conversationId: r.id, score: r.score, comment: r.comment, ts: Number(r.ts) }));
    },

    /**
     * The range's conversations as CSV (RFC 4180), oldest first. The only text people wrote in it
     * is the NPS comment a supervisor asked visitors for (gone once retention clears it).
     */
    async csv(q: HistoryRange): Promise<string> {
      const rows = await db.query<Record<string, string | number | null>>(
        `SELECT id, (extract(epoch FROM created_at) * 1000)::float8 AS started,
           (extract(epoch FROM closed_at) * 1000)::float8 AS ended, state, resolved_by, skill, level, agent_id,
           locale, csat_score, nps_score, data->'nps'->>'comment' AS nps_comment, transfers, data->>'ticketNumber' AS ticket, array_to_string(tags, ' ') AS tags
         FROM conversations WHERE ${inRange} ORDER BY created_at, id LIMIT ${CSV_MAX_ROWS}`,
        range(q),
      );
      const iso = (v: unknown) => (v === null || v === undefined ? '' : new Date(Number(v)).toISOString());
      const lines = [CSV_COLUMNS.join(',')];
      for (const r of rows) {
        lines.push(
          [
            r.id,
            iso(r.started),
            iso(r.ended),
            r.state,
            r.resolved_by,
            r.skill,
            r.level,
            r.agent_id,
            r.locale,
            r.csat_score,
            r.nps_score,
            r.nps_comment,
            r.transfers,
            r.ticket,
            r.tags,
          ]
            .map(csvCell)
            .join(','),
        );
      }
      return `${lines.join('\r\n')}\r\n`;
    },
  };
}
export type HistoryNumbers = ReturnType<typeof historyNumbers>;

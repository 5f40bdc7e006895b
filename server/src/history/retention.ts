import type { RetentionSettings } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { Queues } from '../jobs/queues.ts';
import type { VisitorStore } from '../store/visitors.ts';
import type { Db } from './db.ts';
import { globEscape, scanKeys } from './redis-scan.ts';
import type { Files } from '../files/service.ts';

export type RetentionDeps = {
  redis: Redis;
  keys: Keys;
  visitors: VisitorStore;
  queues: Pick<Queues, 'deliveries'>;
  db: Db;
  files: Pick<Files, 'forgetOlder' | 'forgetUnclaimed'>;
};

const DAY_MS = 24 * 3600 * 1000;

/** What one site's sweep removed. */
export type SweepReport = {
  siteId: string;
  stripped: number;
  messages: number;
  tickets: number;
  visitors: number;
  conversations: number;
  events: number;
  deliveries: number;
  /** Attachments removed with their transcripts (bytes and thumbnails count apart). */
  files: number;
};

/**
 * Per-site retention. After `transcriptDays` a conversation loses its text (messages, notes, its
 * ticket, the visitor's details, the address and rating comment on the record, delivery
 * records) and keeps its numbers; after `recordDays` the numbers go too (the conversation row
 * and its analytics events, in PostgreSQL and in the site's Redis event stream).
 */
export function retention(d: RetentionDeps) {
  async function get(siteId: string): Promise<RetentionSettings> {
    const [row] = await d.db.query<{ transcript_days: number | null; record_days: number | null }>(
      'SELECT transcript_days, record_days FROM site_retention WHERE site_id = $1',
      [siteId],
    );
    return { transcriptDays: row?.transcript_days ?? null, recordDays: row?.record_days ?? null };
  }

  async function stripTranscripts(siteId: string, cutoff: Date, r: SweepReport): Promise<void> {
    await d.db.transaction(async (tx) => {
      const count = async (sql: string, params: unknown[]) =>
        (
          await tx.query<{ n: number }>(`WITH gone AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM gone`, params)
        )[0]?.n ?? 0;
      r.messages += await count('DELETE FROM messages WHERE site_id = $1 AND ts < $2', [siteId, cutoff]);
      r.tickets += await count(
        `DELETE FROM tickets t USING conversations c
         WHERE t.site_id = $1 AND c.id = t.conversation_id AND coalesce(c.closed_at, c.created_at) < $2`,
        [siteId, cutoff],
      );
      // The record keeps what the numbers need; the address, notes and the ratings' comments go.
      r.stripped += await count(
        `UPDATE conversations SET stripped_at = now(), search = NULL,
           data = data || jsonb_build_object('visitorEmail', null, 'transferNote', null,
             'csat', CASE WHEN data->'csat' = 'null'::jsonb OR data->'csat' IS NULL THEN 'null'::jsonb
                          ELSE (data->'csat') || '{"comment": null}'::jsonb END)
           || CASE WHEN jsonb_typeof(data->'nps') = 'object'
                THEN jsonb_build_object('nps', (data->'nps') || '{"comment": null}'::jsonb) ELSE '{}'::jsonb END
         WHERE site_id = $1 AND stripped_at IS NULL AND coalesce(closed_at, created_at) < $2`,
        [siteId, cutoff],
      );
      r.visitors += await count(
        `DELETE FROM visitors v WHERE v.site_id = $1 AND v.created_at < $2 AND NOT EXISTS (
           SELECT 1 FROM conversations c WHERE c.site_id = v.site_id AND c.visitor_id = v.id AND c.stripped_at IS NULL)`,
        [siteId, cutoff],
      );
    });

    r.files += await d.files.forgetOlder(siteId, cutoff);

    // Delivery records (and their jobs, which carry the payloads) are indexed by creation time.
    const old = await d.redis.zRangeByScore(d.keys.deliveries(siteId), 0, cutoff.getTime());
    for (const id of old) {
      await (await d.queues.deliveries.getJob(id))?.remove().catch(() => {});
      await d.redis.del(d.keys.delivery(siteId, id));
      await d.redis.zRem(d.keys.deliveries(siteId), id);
    }
    r.deliveries += old.length;

    // Visitors in Redis whose every conversation is older than the cutoff, and who came no later.
    const base = d.keys.visitor(siteId, '');
    for await (const key of scanKeys(d.redis, `${globEscape(base)}*`)) {
      const id = key.slice(base.length);
      if (id.includes(':')) continue;
      const v = await d.visitors.get(siteId, id).catch(() => null);
      if (v && v.createdAt >= cutoff.getTime()) continue;
      const convs = d.keys.visitorConversations(siteId, id);
      const newer = await d.redis.zRangeByScore(convs, cutoff.getTime(), '+inf');
      if (newer.length > 0) {
        await d.redis.zRemRangeByScore(convs, 0, cutoff.getTime());
        continue;
      }
      await d.visitors.revokeTokens(siteId, id);
      await d.redis.del([
        d.keys.visitor(siteId, id),
        d.keys.visitorPages(siteId, id),
        convs,
        d.keys.visitorTokens(siteId, id),
        d.keys.transcriptRequests(siteId, id),
      ]);
      r.visitors += 1;
    }
  }

  async function dropRecords(siteId: string, cutoff: Date, r: SweepReport): Promise<void> {
    await d.db.transaction(async (tx) => {
      const count = async (sql: string, params: unknown[]) =>
        (
          await tx.query<{ n: number }>(`WITH gone AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM gone`, params)
        )[0]?.n ?? 0;
      r.events += await count('DELETE FROM events WHERE site_id = $1 AND ts < $2', [siteId, cutoff]);
      await tx.query('DELETE FROM messages WHERE site_id = $1 AND ts < $2', [siteId, cutoff]);
      await tx.query(
        `DELETE FROM tickets t USING conversations c
         WHERE t.site_id = $1 AND c.id = t.conversation_id AND coalesce(c.closed_at, c.created_at) < $2`,
        [siteId, cutoff],
      );
      r.conversations += await count(
        'DELETE FROM conversations WHERE site_id = $1 AND coalesce(closed_at, created_at) < $2',
        [siteId, cutoff],
      );
    });
    // Stream ids are milliseconds first: MINID drops every entry older than the cutoff.
    r.events += await d.redis.xTrim(d.keys.events(siteId), 'MINID', cutoff.getTime());
  }

  return {
    get,

    async set(siteId: string, s: RetentionSettings): Promise<RetentionSettings> {
      await d.db.query(
        `INSERT INTO site_retention (site_id, transcript_days, record_days) VALUES ($1, $2, $3)
         ON CONFLICT (site_id) DO UPDATE SET transcript_days = excluded.transcript_days,
           record_days = excluded.record_days, updated_at = now()`,
        [siteId, s.transcriptDays, s.recordDays],
      );
      return get(siteId);
    },

    /** Applies every site's retention as of `now`; idempotent, so a retried or doubled run is harmless. */
    async sweep(now = Date.now()): Promise<SweepReport[]> {
      const sites = await d.db.query<{ site_id: string; transcript_days: number | null; record_days: number | null }>(
        'SELECT site_id, transcript_days, record_days FROM site_retention ORDER BY site_id',
      );
      // Uploads that no message took in a day were cancelled or abandoned.
      await d.files.forgetUnclaimed(DAY_MS);
      const out: SweepReport[] = [];
      for (const s of sites) {
        const r: SweepReport = {
          siteId: s.site_id,
          stripped: 0,
          messages: 0,
          tickets: 0,
          visitors: 0,
          conversations: 0,
          events: 0,
          deliveries: 0,
          files: 0,
        };
        if (s.transcript_days !== null)
          await stripTranscripts(s.site_id, new Date(now - s.transcript_days * DAY_MS), r);
        if (s.record_days !== null) await dropRecords(s.site_id, new Date(now - s.record_days * DAY_MS), r);
        out.push(r);
      }
      return out;
    },
  };
}
export type Retention = ReturnType<typeof retention>;

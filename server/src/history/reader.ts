import {
  Conversation,
  SEARCH_COUNT_CAP,
  StoredMessage,
  type Message,
  type ConversationHit,
  type ConversationSearchQuery,
  type ConversationSearchResult,
} from '@cascade/shared';
import type { Db } from './db.ts';
import { searchTerms } from './search-terms.ts';
import type { SignLinks } from '../store/messages.ts';

/** Records read back are parsed by their schemas; one that no longer fits is skipped, not fatal. */
function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, v: unknown) {
  const r = schema.safeParse(v);
  return r.success ? [r.data] : [];
}

/** Stream ids order messages: milliseconds, then the sequence within the millisecond. */
const BY_STREAM_ID = `split_part(id, '-', 1)::bigint, split_part(id, '-', 2)::bigint`;

/** What PostgreSQL holds of ended conversations, for the reads Redis can no longer answer. */
export function historyReader(db: Db, sign: SignLinks) {
  const message = (data: unknown): Message[] => parsed(StoredMessage, data).map(sign);
  return {
    async conversation(id: string): Promise<Conversation | null> {
      const rows = await db.query<{ data: unknown }>('SELECT data FROM conversations WHERE id = $1', [id]);
      return rows.flatMap((r) => parsed(Conversation, r.data))[0] ?? null;
    },

    /**
     * An archived conversation with its whole transcript, for a story told again (a reply to its
     * transcript); null once retention has stripped its text, or when PostgreSQL does not hold it.
     */
    async story(id: string): Promise<{ conversation: Conversation; messages: Message[] } | null> {
      const rows = await db.query<{ data: unknown }>(
        'SELECT data FROM conversations WHERE id = $1 AND stripped_at IS NULL',
        [id],
      );
      const conversation = rows.flatMap((r) => parsed(Conversation, r.data))[0];
      return conversation ? { conversation, messages: await this.messages(id) } : null;
    },

    /** The tags of an archived conversation; null when PostgreSQL does not hold it (yet). */
    async tags(id: string): Promise<string[] | null> {
      const [row] = await db.query<{ tags: string[] }>('SELECT tags FROM conversations WHERE id = $1', [id]);
      return row ? row.tags : null;
    },

    /** The whole transcript, notes included (agents' view). */
    async messages(conversationId: string): Promise<Message[]> {
      const rows = await db.query<{ data: unknown }>(
        `SELECT data FROM messages WHERE conversation_id = $1 ORDER BY ${BY_STREAM_ID}`,
        [conversationId],
      );
      return rows.flatMap((r) => message(r.data));
    },

    /** The visitor's archived conversations, newest first. */
    async ofVisitor(siteId: string, visitorId: string, limit = 20): Promise<Conversation[]> {
      const rows = await db.query<{ data: unknown }>(
        `SELECT data FROM conversations WHERE site_id = $1 AND visitor_id = $2 ORDER BY created_at DESC LIMIT $3`,
        [siteId, visitorId, limit],
      );
      return rows.flatMap((r) => parsed(Conversation, r.data));
    },

    /** Ended conversations of `siteIds` that match the query; the caller has checked the sites. */
    async search(siteIds: string[], q: ConversationSearchQuery): Promise<ConversationSearchResult> {
      if (siteIds.length === 0) return { conversations: [], total: 0, more: false };
      // One site (the usual case) is an equality, so the index gives its rows already in order.
      const [only] = siteIds;
      const params: unknown[] = [siteIds.length === 1 ? only : siteIds];
      const arg = (v: unknown) => `$${params.push(v)}`;
      const where = [siteIds.length === 1 ? 'c.site_id = $1' : 'c.site_id = ANY($1::text[])'];
      if (q.from !== undefined) where.push(`c.created_at >= ${arg(new Date(q.from).toISOString())}`);
      if (q.to !== undefined) where.push(`c.created_at <= ${arg(new Date(q.to).toISOString())}`);
      if (q.outcome) where.push(`c.state = ${arg(q.outcome)}`);
      if (q.agentId) where.push(`c.agent_id = ${arg(q.agentId)}`);
      if (q.skill) where.push(`c.skill = ${arg(q.skill)}`);
      if (q.level !== undefined) where.push(`c.level = ${arg(q.level)}`);
      if (q.rating !== undefined) where.push(`c.csat_score = ${arg(q.rating)}`);
      if (q.locale) where.push(`c.locale = ${arg(q.locale)}`);
      if (q.tag) where.push(`c.tags @> ARRAY[${arg(q.tag)}]::text[]`);

      const terms = q.q ? searchTerms(q.q) : null;
      if (q.q && !terms) return { conversations: [], total: 0, more: false };
      // Every word somewhere in the conversation, each as a word or the start of one.
      if (terms) where.push(`c.search @@ to_tsquery('simple', ${arg(terms)})`);
      const filterParams = [...params];
      const limit = arg(q.limit);
      const offset = arg(q.offset);
      // The page and the count apart: the page is a top-N the index gives in order, and the count
      // stops at the cap, so neither grows with the whole history.
      const [rows, total] = await Promise.all([
        db.query<{ data: unknown; tags: string[] }>(
          `SELECT c.data, c.tags FROM conversations c WHERE ${where.join(' AND ')}
           ORDER BY c.created_at DESC, c.id LIMIT ${limit} OFFSET ${offset}`,
          params,
        ),
        count(db, where, filterParams),
      ]);
      const conversations: ConversationHit[] = rows.flatMap((r) =>
        parsed(Conversation, r.data).map((conversation) => ({ conversation, tags: r.tags, matches: [] as Message[] })),
      );
      if (terms && conversations.length > 0) {
        const matches = await db.query<{ conversation_id: string; data: unknown }>(
          `SELECT conversation_id, data FROM (
             SELECT conversation_id, data, row_number() OVER (PARTITION BY conversation_id ORDER BY ts) AS n
             FROM messages WHERE conversation_id = ANY($1::text[]) AND search @@ to_tsquery('simple', $2)
           ) m WHERE n <= 3 ORDER BY conversation_id, n`,
          [conversations.map((h) => h.conversation.id), terms],
        );
        const byConversation = new Map(conversations.map((h) => [h.conversation.id, h]));
        for (const m of matches) byConversation.get(m.conversation_id)?.matches.push(...message(m.data));
      }
      return { conversations, total: Math.min(total, SEARCH_COUNT_CAP), more: total > SEARCH_COUNT_CAP };
    },
  };
}
export type HistoryReader = ReturnType<typeof historyReader>;

/** How many conversations match, up to one past the cap. */
async function count(db: Db, where: string[], params: unknown[]): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM conversations c WHERE ${where.join(' AND ')} LIMIT ${SEARCH_COUNT_CAP + 1}) capped`,
    params,
  );
  return row?.n ?? 0;
}

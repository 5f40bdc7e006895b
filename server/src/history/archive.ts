import { normalize } from '@cascade/bot';
import { MAX_TAGS, openStates, type Conversation, type Message, type Ticket, type Visitor } from '@cascade/shared';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { MessageStore } from '../store/messages.ts';
import type { TicketStore } from '../store/tickets.ts';
import type { VisitorStore } from '../store/visitors.ts';
import type { AnswerTags } from './answer-tags.ts';
import type { Db, Queryable } from './db.ts';
import { partitionMaker } from './partitions.ts';
import { scripts } from '../redis/scripts/index.ts';
import { withoutLinks } from '../files/links.ts';

export type ArchiveDeps = {
  config: Config;
  redis: Redis;
  keys: Keys;
  conversations: ConversationStore;
  messages: MessageStore;
  tickets: TicketStore;
  visitors: VisitorStore;
  answerTags: AnswerTags;
  db: Db;
};

/** One entry of a site's event stream that belongs to the conversation. */
export type StoredEvent = { id: string; ts: number; fields: Record<string, string> };

export type ArchiveResult = 'archived' | 'missing' | 'open';

const EVENTS_PAGE = 1000;

/** What conversation-events.lua answers: entries read, the last one's id, the conversation's own, 1 when all are found. */
const EventsPage = z.tuple([z.number(), z.string(), z.array(z.tuple([z.string(), z.array(z.string())])), z.number()]);

/**
 * Copies an ended conversation (with its messages, events, ticket and visitor) from Redis to
 * PostgreSQL in one transaction of upserts, and only after the commit gives its Redis keys an
 * expiry. Run twice, or again after a crash anywhere in between, it writes the same rows: a
 * crash before the commit leaves Redis untouched, a crash after it only repeats the upserts.
 */
export function archiver(d: ArchiveDeps) {
  const ensurePartitions = partitionMaker();
  const ttlSeconds = Math.max(1, Math.round(d.config.HOT_RETENTION_HOURS * 3600));

  /**
   * The conversation's entries of the site's event stream, from its start on: its start and one
   * transition per version, so the read stops once all are found (or at the stream's end, when
   * one was never written).
   */
  async function eventsOf(c: Conversation): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    let start = String(c.createdAt);
    let transitions = c.version;
    let needStart = true;
    for (;;) {
      const [read, last, mine, complete] = EventsPage.parse(
        await scripts.conversationEvents(
          d.redis,
          [d.keys.events(c.siteId)],
          [start, c.id, EVENTS_PAGE, transitions, needStart ? 1 : 0],
        ),
      );
      for (const [id, flat] of mine) {
        const fields: Record<string, string> = {};
        for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!;
        out.push({ id, ts: Number(fields.ts) || Number(id.split('-')[0]), fields });
        if (fields.event === 'started') needStart = false;
        else transitions--;
      }
      if (complete === 1 || read < EVENTS_PAGE) return out;
      start = `(${last}`;
    }
  }

  async function write(
    tx: Queryable,
    c: Conversation,
    messages: Message[],
    events: StoredEvent[],
    ticket: Ticket | null,
    visitor: Visitor | null,
    tags: string[],
  ): Promise<void> {
    if (visitor) await upsertVisitor(tx, visitor);
    await upsertConversation(tx, c);
    if (tags.length > 0) await mergeTags(tx, c.id, tags);
    if (messages.length > 0) {
      await ensurePartitions(
        tx,
        'messages',
        messages.map((m) => m.ts),
      );
      await insertMessages(tx, c, messages);
    }
    if (events.length > 0) {
      await ensurePartitions(
        tx,
        'events',
        events.map((e) => e.ts),
      );
      await insertEvents(tx, c, events);
    }
    if (ticket) await upsertTicket(tx, ticket);
  }

  return {
    async archive(conversationId: string): Promise<ArchiveResult> {
      const c = await d.conversations.get(conversationId);
      if (!c) return 'missing';
      if (openStates.has(c.state)) return 'open';
      const [messages, events, ticket, visitor, tags] = await Promise.all([
        d.messages.after(c.id, null, 100_000),
        eventsOf(c),
        c.ticketId ? d.tickets.get(c.siteId, c.ticketId) : Promise.resolve(null),
        d.visitors.get(c.siteId, c.visitorId),
        d.answerTags.of(c.id),
      ]);
      await d.db.transaction((tx) => write(tx, c, messages, events, ticket, visitor, tags));
      // The keys share the conversation's hash tag, so this is one slot on a cluster too. NX: a
      // repeated archive (a rating came later) does not push the expiry further out.
      await d.redis
        .multi()
        .expire(d.keys.conversation(c.id), ttlSeconds, 'NX')
        .expire(d.keys.messages(c.id), ttlSeconds, 'NX')
        .expire(d.keys.dedupe(c.id), ttlSeconds, 'NX')
        // Merged into PostgreSQL now: a later archive (a rating) must not bring back a tag an agent removed.
        .del(d.keys.conversationTags(c.id))
        .exec();
      return 'archived';
    },
  };
}
export type Archiver = ReturnType<typeof archiver>;

const at = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function upsertVisitor(tx: Queryable, v: Visitor): Promise<void> {
  await tx.query(
    `INSERT INTO visitors (site_id, id, email, external_id, created_at, data)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (site_id, id) DO UPDATE SET
       email = excluded.email, external_id = excluded.external_id, data = excluded.data, archived_at = now()`,
    [v.siteId, v.id, v.email, v.externalId, at(v.createdAt), JSON.stringify(v)],
  );
}

async function upsertConversation(tx: Queryable, c: Conversation): Promise<void> {
  await tx.query(
    `INSERT INTO conversations (id, site_id, visitor_id, state, locale, skill, level, agent_id, ticket_id,
       resolved_by, csat_score, transfers, created_at, closed_at, data, nps_score)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16)
     ON CONFLICT (id) DO UPDATE SET
       state = excluded.state, agent_id = excluded.agent_id, ticket_id = excluded.ticket_id,
       resolved_by = excluded.resolved_by, csat_score = excluded.csat_score, transfers = excluded.transfers,
       closed_at = excluded.closed_at, data = excluded.data, nps_score = excluded.nps_score, archived_at = now()
     -- A rating is set once and never removed: an older copy without it never replaces one with it.
     WHERE (conversations.csat_score IS NULL OR excluded.csat_score IS NOT NULL)
       AND (conversations.nps_score IS NULL OR excluded.nps_score IS NOT NULL)`,
    [
      c.id,
      c.siteId,
      c.visitorId,
      c.state,
      c.locale,
      c.skill,
      c.level,
      c.agentId,
      c.ticketId,
      c.resolvedBy,
      c.csat?.score ?? null,
      c.transfers,
      at(c.createdAt),
      at(c.closedAt),
      JSON.stringify(c),
      c.nps?.score ?? null,
    ],
  );
}

/** Adds tags the conversation lacks, in their order, up to MAX_TAGS; tags already there stay as they are. */
async function mergeTags(tx: Queryable, conversationId: string, tags: string[]): Promise<void> {
  await tx.query(
    `UPDATE conversations SET tags = (tags || ARRAY(
       SELECT t FROM unnest($2::text[]) WITH ORDINALITY AS n(t, i) WHERE NOT t = ANY(tags) ORDER BY i))[1:$3]
     WHERE id = $1`,
    [conversationId, tags, MAX_TAGS],
  );
}

/** Messages never change once stored: a row already there is left as it is. */
async function insertMessages(tx: Queryable, c: Conversation, messages: Message[]): Promise<void> {
  const rows = messages.map((m) => ({
    id: m.id,
    ts: at(m.ts),
    author: m.author,
    agent_id: m.agentId,
    internal: m.internal,
    text: m.text,
    // Files are found by their names too.
    words: normalize([m.text, ...(m.attachments ?? []).map((a) => a.name)].join(' ')),
    // Links expire: the files are kept as stored, and signed afresh when read.
    data: withoutLinks(m),
  }));
  await tx.query(
    `INSERT INTO messages (conversation_id, id, site_id, ts, author, agent_id, internal, text, search, data)
     SELECT $1, r.id, $2, r.ts, r.author, r.agent_id, r.internal, r.text, to_tsvector('simple', r.words), r.data
     FROM jsonb_to_recordset($3::jsonb) AS r(id text, ts timestamptz, author text, agent_id text,
       internal boolean, text text, words text, data jsonb)
     ON CONFLICT DO NOTHING`,
    [c.id, c.siteId, JSON.stringify(rows)],
  );
  // What search scans: the words of every message archived so far, in one vector.
  await tx.query(
    `UPDATE conversations SET search = (
       SELECT strip(tsvector_agg(m.search)) FROM messages m WHERE m.conversation_id = $1 AND m.site_id = $2)
     WHERE id = $1`,
    [c.id, c.siteId],
  );
}

async function insertEvents(tx: Queryable, c: Conversation, events: StoredEvent[]): Promise<void> {
  const rows = events.map((e) => ({ id: e.id, ts: at(e.ts), event: e.fields.event ?? '', data: e.fields }));
  await tx.query(
    `INSERT INTO events (site_id, id, conversation_id, ts, event, data)
     SELECT $1, r.id, $2, r.ts, r.event, r.data
     FROM jsonb_to_recordset($3::jsonb) AS r(id text, ts timestamptz, event text, data jsonb)
     ON CONFLICT DO NOTHING`,
    [c.siteId, c.id, JSON.stringify(rows)],
  );
}

async function upsertTicket(tx: Queryable, t: Ticket): Promise<void> {
  await tx.query(
    `INSERT INTO tickets (site_id, id, conversation_id, number, status, created_at, updated_at, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
     ON CONFLICT (site_id, id) DO UPDATE SET
       status = excluded.status, updated_at = excluded.updated_at, data = excluded.data
     WHERE tickets.updated_at <= excluded.updated_at`,
    [t.siteId, t.id, t.conversationId, t.number, t.status, at(t.createdAt), at(t.updatedAt), JSON.stringify(t)],
  );
}

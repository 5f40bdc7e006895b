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
  const partitions = partitionMaker();
  const ttlSeconds = Math.max(1, Math.round(d.config.HOT_RETENTION_HOURS * 3600));

  /**
   * The conversation's entries of the site's event stream: its start, one transition per version
   * and whatever else was noted of it. Read through the conversation's index of its entries, or
   * scanned from its start on when that index is gone, stopping once all are found (or at the
   * stream's end, when one was never written).
   */
  async function eventsOf(c: Conversation): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    let start = String(c.createdAt);
    let transitions = c.version;
    let needStart = true;
    for (let first = true; ; first = false) {
      const [read, last, mine, complete] = EventsPage.parse(
        await scripts.conversationEvents(
          d.redis,
          [d.keys.events(c.siteId), d.keys.eventIndex(c.siteId, c.id)],
          [start, c.id, EVENTS_PAGE, transitions, needStart ? 1 : 0, first ? 1 : 0],
        ),
      );
      for (const [id, flat] of mine) {
        const fields: Record<string, string> = {};
        for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!;
        out.push({ id, ts: Number(fields.ts) || Number(id.split('-')[0]), fields });
        if (fields.event === 'started') needStart = false;
        else if (fields.from !== undefined) transitions--;
      }
      if (complete === 1 || read < EVENTS_PAGE) return out;
      start = `(${last}`;
    }
  }

  /**
   * One call of `archive_conversation` (migration 006), in a transaction of its own; only a copy
   * that meets a month without its partition yet opens one around it, to make the partition first.
   */
  async function write(
    c: Conversation,
    messages: Message[],
    events: StoredEvent[],
    ticket: Ticket | null,
    visitor: Visitor | null,
    tags: string[],
  ): Promise<void> {
    const params = [
      visitor && JSON.stringify(visitorRow(visitor)),
      JSON.stringify(conversationRow(c)),
      tags,
      MAX_TAGS,
      JSON.stringify(messages.map(messageRow)),
      JSON.stringify(events.map(eventRow)),
      ticket && JSON.stringify(ticketRow(ticket)),
    ];
    const copy = (db: Queryable) =>
      db.query(
        `SELECT archive_conversation($1::jsonb, $2::jsonb, $3::text[], $4, $5::jsonb, $6::jsonb, $7::jsonb)`,
        params,
      );
    const messageTimes = messages.map((m) => m.ts);
    const eventTimes = events.map((e) => e.ts);
    if (partitions.known('messages', messageTimes) && partitions.known('events', eventTimes)) {
      await copy(d.db);
      return;
    }
    await d.db.transaction(async (tx) => {
      await partitions.ensure(tx, 'messages', messageTimes);
      await partitions.ensure(tx, 'events', eventTimes);
      await copy(tx);
    });
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
      await write(c, messages, events, ticket, visitor, tags);
      await Promise.all([
        // The keys share the conversation's hash tag, so this is one slot on a cluster too. NX: a
        // repeated archive (a rating came later) does not push the expiry further out.
        d.redis
          .multi()
          .expire(d.keys.conversation(c.id), ttlSeconds, 'NX')
          .expire(d.keys.messages(c.id), ttlSeconds, 'NX')
          .expire(d.keys.dedupe(c.id), ttlSeconds, 'NX')
          // Merged into PostgreSQL now: a later archive (a rating) must not bring back a tag an agent removed.
          .del(d.keys.conversationTags(c.id))
          .exec(),
        // The site's slot, not the conversation's. LT: only ever shortened to the conversation's own.
        d.redis.expire(d.keys.eventIndex(c.siteId, c.id), ttlSeconds, 'LT'),
      ]);
      return 'archived';
    },
  };
}
export type Archiver = ReturnType<typeof archiver>;

const at = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Rows as `archive_conversation` reads them: the tables' column names. */
const visitorRow = (v: Visitor) => ({
  site_id: v.siteId,
  id: v.id,
  email: v.email,
  external_id: v.externalId,
  created_at: at(v.createdAt),
  data: v,
});

const conversationRow = (c: Conversation) => ({
  id: c.id,
  site_id: c.siteId,
  visitor_id: c.visitorId,
  state: c.state,
  locale: c.locale,
  skill: c.skill,
  level: c.level,
  agent_id: c.agentId,
  ticket_id: c.ticketId,
  resolved_by: c.resolvedBy,
  csat_score: c.csat?.score ?? null,
  transfers: c.transfers,
  created_at: at(c.createdAt),
  closed_at: at(c.closedAt),
  data: c,
  nps_score: c.nps?.score ?? null,
});

const messageRow = (m: Message) => ({
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
});

const eventRow = (e: StoredEvent) => ({ id: e.id, ts: at(e.ts), event: e.fields.event ?? '', data: e.fields });

const ticketRow = (t: Ticket) => ({
  site_id: t.siteId,
  id: t.id,
  conversation_id: t.conversationId,
  number: t.number,
  status: t.status,
  created_at: at(t.createdAt),
  updated_at: at(t.updatedAt),
  data: t,
});

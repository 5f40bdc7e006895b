import {
  CascadeError,
  Conversation,
  Message,
  Ticket,
  Visitor,
  openStates,
  type Delivery,
  type ErasureCounts,
  type FoundVisitor,
  type VisitorExport,
  type VisitorLookup,
} from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { MessageStore } from '../store/messages.ts';
import type { TicketStore } from '../store/tickets.ts';
import { forgetMail } from '../inbound/forget.ts';
import type { VisitorStore } from '../store/visitors.ts';
import type { Queues } from '../jobs/queues.ts';
import type { ArchiveDue } from './archive-due.ts';
import { deliveryRecords } from '../delivery/records.ts';
import type { Db } from './db.ts';
import { globEscape, scanKeys } from './redis-scan.ts';
import type { HistoryReader } from './reader.ts';
import type { Files } from '../files/service.ts';

export type PrivacyDeps = {
  redis: Redis;
  keys: Keys;
  conversations: ConversationStore;
  messages: MessageStore;
  tickets: TicketStore;
  visitors: VisitorStore;
  queues: Pick<Queues, 'deliveries' | 'history'>;
  archiveDue: Pick<ArchiveDue, 'forget'>;
  db: Db;
  history: HistoryReader;
  files: Pick<Files, 'forgetConversations' | 'forgetVisitor' | 'mailLinks'>;
};

/** What one visitor's data is, gathered from Redis and PostgreSQL (Redis's copy wins while it lasts). */
type Held = {
  visitor: Visitor;
  conversations: Conversation[];
  tickets: Ticket[];
  deliveries: Delivery[];
};

const EVENTS_PAGE = 1000;
const lower = (s: string) => s.toLowerCase();

function parsedRows<T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, rows: { data: unknown }[]) {
  return rows.flatMap((r) => {
    const p = schema.safeParse(r.data);
    return p.success ? [p.data as T] : [];
  });
}

/**
 * GDPR requests on one site: find a visitor by address, identity id, conversation or id; export
 * everything held about them; erase it from Redis, PostgreSQL and the delivery records, keeping
 * only the fact that an erasure happened.
 */
export function privacy(d: PrivacyDeps) {
  const { history } = d;
  const records = deliveryRecords(d.redis, d.keys);

  /** Visitors of the site in Redis whose record has this address or identity id. */
  async function scanVisitors(siteId: string, match: (v: Visitor) => boolean, email: string | null): Promise<string[]> {
    const base = d.keys.visitor(siteId, '');
    const out = new Set<string>();
    for await (const key of scanKeys(d.redis, `${globEscape(base)}*`)) {
      const rest = key.slice(base.length);
      // The visitor's own hash; its pages, tokens and conversations have a further ":…".
      if (rest.includes(':')) {
        if (rest.endsWith(':convs')) {
          const visitorId = rest.slice(0, -':convs'.length);
          if (email && (await convsHaveEmail(key, email))) out.add(visitorId);
        }
        continue;
      }
      const v = await d.visitors.get(siteId, rest).catch(() => null);
      if (v && match(v)) out.add(v.id);
    }
    return [...out];
  }

  /** An address typed into a live conversation lives on the conversation, not the visitor. */
  async function convsHaveEmail(key: string, email: string): Promise<boolean> {
    for (const id of await d.redis.zRange(key, 0, -1)) {
      const raw = await d.redis.hGet(d.keys.conversation(id), 'visitorEmail');
      if (raw && lower(String(JSON.parse(raw))) === email) return true;
    }
    return false;
  }

  async function visitorIds(q: VisitorLookup): Promise<string[]> {
    const { siteId } = q;
    if (q.visitorId) return [q.visitorId];
    if (q.conversationId) {
      const c = (await d.conversations.get(q.conversationId)) ?? (await history.conversation(q.conversationId));
      return c && c.siteId === siteId ? [c.visitorId] : [];
    }
    if (q.email) {
      const email = lower(q.email);
      const rows = await d.db.query<{ id: string }>(
        `SELECT id FROM visitors WHERE site_id = $1 AND lower(email) = $2
           UNION SELECT visitor_id FROM conversations WHERE site_id = $1 AND lower(data->>'visitorEmail') = $2
           UNION SELECT c.visitor_id FROM tickets t JOIN conversations c ON c.id = t.conversation_id
             WHERE t.site_id = $1 AND lower(t.data->'visitor'->>'email') = $2`,
        [siteId, email],
      );
      const hot = await scanVisitors(siteId, (v) => v.email !== null && lower(v.email) === email, email);
      return [...new Set([...rows.map((r) => r.id), ...hot])];
    }
    const external = q.externalId!;
    const rows = await d.db.query<{ id: string }>('SELECT id FROM visitors WHERE site_id = $1 AND external_id = $2', [
      siteId,
      external,
    ]);
    const hot = await scanVisitors(siteId, (v) => v.externalId === external, null);
    return [...new Set([...rows.map((r) => r.id), ...hot])];
  }

  async function held(siteId: string, visitorId: string): Promise<Held | null> {
    const [hotVisitor, coldRows] = await Promise.all([
      d.visitors.get(siteId, visitorId).catch(() => null),
      d.db.query<{ data: unknown }>('SELECT data FROM visitors WHERE site_id = $1 AND id = $2', [siteId, visitorId]),
    ]);
    const visitor = hotVisitor ?? parsedRows<Visitor>(Visitor, coldRows)[0] ?? null;
    const ids = new Set(await d.redis.zRange(d.keys.visitorConversations(siteId, visitorId), 0, -1));
    const cold = await d.db.query<{ data: unknown }>(
      'SELECT data FROM conversations WHERE site_id = $1 AND visitor_id = $2',
      [siteId, visitorId],
    );
    const byId = new Map(parsedRows<Conversation>(Conversation, cold).map((c) => [c.id, c]));
    for (const id of ids) {
      const c = await d.conversations.get(id).catch(() => null);
      if (c && c.siteId === siteId) byId.set(c.id, c);
    }
    if (!visitor && byId.size === 0) return null;
    const conversations = [...byId.values()].sort((a, b) => a.createdAt - b.createdAt);
    const convIds = conversations.map((c) => c.id);

    const tickets = new Map<string, Ticket>();
    const coldTickets = await d.db.query<{ data: unknown }>(
      'SELECT data FROM tickets WHERE site_id = $1 AND conversation_id = ANY($2::text[])',
      [siteId, convIds],
    );
    for (const t of parsedRows<Ticket>(Ticket, coldTickets)) tickets.set(t.id, t);
    for (const id of convIds) {
      const t = await d.tickets.ofConversation(siteId, id).catch(() => null);
      if (t) tickets.set(t.id, t);
    }

    const emails = new Set<string>();
    if (visitor?.email) emails.add(lower(visitor.email));
    for (const c of conversations) if (c.visitorEmail) emails.add(lower(c.visitorEmail));
    for (const t of tickets.values()) if (t.visitor.email) emails.add(lower(t.visitor.email));
    const needles = [visitorId, ...convIds, ...tickets.keys(), ...emails];
    const deliveries = await deliveriesMentioning(siteId, needles);
    const fallback: Visitor = {
      id: visitorId,
      siteId,
      name: null,
      email: null,
      externalId: null,
      verified: false,
      locale: conversations[0]?.locale ?? 'en',
      userAgent: null,
      createdAt: conversations[0]?.createdAt ?? 0,
    };
    return { visitor: visitor ?? fallback, conversations, tickets: [...tickets.values()], deliveries };
  }

  /** Delivery records whose record or queued job names any of `needles`. */
  async function deliveriesMentioning(siteId: string, needles: string[]): Promise<Delivery[]> {
    const out: Delivery[] = [];
    for (const id of await d.redis.zRange(d.keys.deliveries(siteId), 0, -1)) {
      const record = await records.get(siteId, id).catch(() => null);
      const job = await d.queues.deliveries.getJob(id);
      const text = lower(`${id} ${JSON.stringify(record ?? {})} ${JSON.stringify(job?.data ?? {})}`);
      if (needles.some((n) => text.includes(lower(n))) && record) out.push(record);
    }
    return out;
  }

  async function lookup(q: VisitorLookup): Promise<Held[]> {
    const out: Held[] = [];
    for (const id of await visitorIds(q)) {
      const h = await held(q.siteId, id);
      if (h) out.push(h);
    }
    return out;
  }

  async function messagesOf(c: Conversation): Promise<Message[]> {
    const hot = await d.messages.after(c.id, null, 100_000);
    return hot.length > 0 ? hot : history.messages(c.id);
  }

  async function tagsOf(ids: string[]): Promise<Map<string, string[]>> {
    const rows = await d.db.query<{ id: string; tags: string[] }>(
      'SELECT id, tags FROM conversations WHERE id = ANY($1::text[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.tags]));
  }

  /** Removes the site's event stream entries that belong to these conversations. */
  async function dropEvents(siteId: string, convIds: Set<string>): Promise<void> {
    const key = d.keys.events(siteId);
    let start = '-';
    for (;;) {
      const page = await d.redis.xRange(key, start, '+', { COUNT: EVENTS_PAGE });
      const mine = page.filter((e) => convIds.has(String(e.message.conversationId))).map((e) => e.id);
      if (mine.length > 0) await d.redis.xDel(key, mine);
      if (page.length < EVENTS_PAGE) return;
      start = `(${page[page.length - 1]!.id}`;
    }
  }

  async function eraseRedis(siteId: string, h: Held): Promise<void> {
    const v = h.visitor.id;
    await d.visitors.revokeTokens(siteId, v);
    await d.redis.del([
      d.keys.visitor(siteId, v),
      d.keys.visitorPages(siteId, v),
      d.keys.visitorConversations(siteId, v),
      d.keys.visitorPresence(siteId, v),
      d.keys.visitorTokens(siteId, v),
      d.keys.transcriptRequests(siteId, v),
    ]);
    for (const c of h.conversations) {
      await d.redis.del([
        d.keys.conversation(c.id),
        d.keys.messages(c.id),
        d.keys.dedupe(c.id),
        d.keys.pending(c.id),
        d.keys.conversationTags(c.id),
        d.keys.messageRate(c.id, 'visitor'),
        ...(c.agentId ? [d.keys.messageRate(c.id, `agent:${c.agentId}`)] : []),
      ]);
      await d.redis.hDel(d.keys.ticketByConversation(siteId), c.id);
      await d.redis.hDel(d.keys.assignment(siteId), c.id);
      await d.redis.hDel(d.keys.claims(siteId), c.id);
      const once = Array.from({ length: c.version + 2 }, (_, n) => d.keys.eventOnce(siteId, c.id, n));
      await d.redis.del([...once, d.keys.eventIndex(siteId, c.id)]);
      // Jobs of one conversation each, as earlier versions queued them.
      for (const jobId of [`archive.${c.id}`, `archive.${c.id}.rated`]) {
        await (await d.queues.history.getJob(jobId))?.remove().catch(() => {});
      }
    }
    await d.archiveDue.forget(h.conversations.map((c) => c.id));
    await dropEvents(siteId, new Set(h.conversations.map((c) => c.id)));
    for (const t of h.tickets) {
      await d.redis.del(d.keys.ticket(siteId, t.id));
      await d.redis.zRem(d.keys.tickets(siteId), t.id);
    }
    await forgetMail(d.redis, d.keys, siteId, {
      tickets: h.tickets.map((t) => t.id),
      conversations: h.conversations.map((c) => c.id),
    });
    for (const del of h.deliveries) {
      await (await d.queues.deliveries.getJob(del.id))?.remove().catch(() => {});
      await d.redis.del(d.keys.delivery(siteId, del.id));
      await d.redis.zRem(d.keys.deliveries(siteId), del.id);
    }
  }

  return {
    async find(q: VisitorLookup): Promise<FoundVisitor[]> {
      return (await lookup(q)).map((h) => ({ visitor: h.visitor, conversations: h.conversations.length }));
    },

    async export(q: VisitorLookup): Promise<VisitorExport> {
      const found = await lookup(q);
      const visitors: VisitorExport['visitors'] = [];
      for (const h of found) {
        const tags = await tagsOf(h.conversations.map((c) => c.id));
        const conversations = [];
        for (const c of h.conversations) {
          // An export is read later, away from the console: its links last as long as a mail's.
          const messages = (await messagesOf(c)).map(d.files.mailLinks);
          conversations.push({ conversation: c, tags: tags.get(c.id) ?? [], messages });
        }
        visitors.push({
          visitor: h.visitor,
          pages: await d.visitors.pages(q.siteId, h.visitor.id),
          conversations,
          tickets: h.tickets,
          deliveries: h.deliveries,
        });
      }
      return { siteId: q.siteId, exportedAt: Date.now(), visitors };
    },

    /**
     * Erases the visitors the lookup finds. A visitor still in a live chat is refused: the chat
     * is ended first, so no process writes to what is being erased. Redis goes first, then
     * PostgreSQL in one transaction with the erasure's record: an archive job that runs in
     * between finds nothing left in Redis to copy.
     */
    async erase(
      q: VisitorLookup,
      actorId: string,
      disconnect: (visitorId: string) => void = () => {},
    ): Promise<{ erasureId: number; erased: ErasureCounts }> {
      const found = await lookup(q);
      if (found.length === 0) throw new CascadeError('not_found', 'no visitor matches');
      if (found.some((h) => h.conversations.some((c) => openStates.has(c.state))))
        throw new CascadeError('invalid_state', 'this visitor is in a live chat: end it before erasing');
      for (const h of found) disconnect(h.visitor.id);
      for (const h of found) await eraseRedis(q.siteId, h);

      const visitorIds = found.map((h) => h.visitor.id);
      const convIds = found.flatMap((h) => h.conversations.map((c) => c.id));
      const ticketIds = found.flatMap((h) => h.tickets.map((t) => t.id));
      // Files first: once their records are gone, nothing would find their bytes again.
      await d.files.forgetConversations(convIds);
      for (const id of visitorIds) await d.files.forgetVisitor(q.siteId, id);
      return d.db.transaction(async (tx) => {
        const [m] = await tx.query<{ n: number }>(
          'WITH gone AS (DELETE FROM messages WHERE conversation_id = ANY($1::text[]) RETURNING 1) SELECT count(*)::int AS n FROM gone',
          [convIds],
        );
        await tx.query('DELETE FROM events WHERE site_id = $1 AND conversation_id = ANY($2::text[])', [
          q.siteId,
          convIds,
        ]);
        await tx.query(
          'DELETE FROM tickets WHERE site_id = $1 AND (conversation_id = ANY($2::text[]) OR id = ANY($3::text[]))',
          [q.siteId, convIds, ticketIds],
        );
        await tx.query('DELETE FROM conversations WHERE site_id = $1 AND id = ANY($2::text[])', [q.siteId, convIds]);
        await tx.query('DELETE FROM visitors WHERE site_id = $1 AND id = ANY($2::text[])', [q.siteId, visitorIds]);
        // The audit log keeps what was done, not to whom: ids of erased records are blanked.
        for (const [field, ids] of [
          ['conversationId', convIds],
          ['visitorId', visitorIds],
          ['ticketId', ticketIds],
        ] as const) {
          await tx.query(
            `UPDATE audit_log SET target = jsonb_set(target, ARRAY[$2::text], '"erased"') WHERE site_id = $1 AND target->>$2 = ANY($3::text[])`,
            [q.siteId, field, ids],
          );
        }
        const erased: ErasureCounts = {
          visitors: found.length,
          conversations: convIds.length,
          messages: m?.n ?? 0,
          tickets: ticketIds.length,
          deliveries: found.reduce((n, h) => n + h.deliveries.length, 0),
        };
        const [row] = await tx.query<{ id: string | number }>(
          'INSERT INTO erasures (site_id, actor_id, counts) VALUES ($1, $2, $3::jsonb) RETURNING id',
          [q.siteId, actorId, JSON.stringify(erased)],
        );
        return { erasureId: Number(row?.id), erased };
      });
    },

    /** The site's erasures, newest first: when, by whom, how much. */
    async erasures(siteId: string) {
      const rows = await d.db.query<{
        id: string | number;
        actor_id: string | null;
        counts: ErasureCounts;
        at: number;
      }>(
        `SELECT id, actor_id, counts, (extract(epoch FROM at) * 1000)::float8 AS at
         FROM erasures WHERE site_id = $1 ORDER BY id DESC LIMIT 200`,
        [siteId],
      );
      return rows.map((r) => ({ id: Number(r.id), actorId: r.actor_id, erased: r.counts, at: Math.round(r.at) }));
    },
  };
}
export type Privacy = ReturnType<typeof privacy>;

import {
  StoredTicket,
  type Attachment,
  type AttachmentLink,
  type StoredTicketHistoryItem,
  type Ticket as TicketT,
  type TicketHistoryItem,
  type TicketListQuery,
} from '@cascade/shared';
import { stripLink } from '../files/links.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { fromHash, toHash } from '../redis/codec.ts';
import { scripts } from '../redis/scripts/index.ts';

export type NewTicket = Omit<TicketT, 'number'>;

/** Signs a kept file's links on its way out (files/links.ts). */
export type SignFile = (a: Attachment) => AttachmentLink;

export function ticketStore(redis: Redis, k: Keys, sign: SignFile) {
  // A history item's files are kept without links and signed afresh whenever the ticket is read.
  const signed = ({ attachments, ...item }: StoredTicketHistoryItem): TicketHistoryItem =>
    attachments ? { ...item, attachments: attachments.map((a) => sign(a)) } : item;
  const kept = ({ attachments, ...item }: StoredTicketHistoryItem): StoredTicketHistoryItem =>
    attachments ? { ...item, attachments: attachments.map(stripLink) } : item;

  return {
    /** One ticket per conversation, however often or concurrently this is called. */
    async createOnce(t: NewTicket): Promise<{ ticket: TicketT; isNew: boolean }> {
      const fields = Object.entries(toHash(t)).flat();
      const [id, , isNew] = (await scripts.createTicket(
        redis,
        [k.ticketByConversation(t.siteId), k.ticketSeq(t.siteId), k.tickets(t.siteId), k.ticket(t.siteId, '')],
        [t.conversationId, t.id, t.createdAt, ...fields],
      )) as [string, number, number];
      const ticket = await this.get(t.siteId, id);
      if (!ticket) throw new Error(`ticket ${id} vanished`);
      return { ticket, isNew: isNew === 1 };
    },

    async get(siteId: string, id: string): Promise<TicketT | null> {
      const t = fromHash(StoredTicket, await redis.hGetAll(k.ticket(siteId, id)));
      return t ? { ...t, history: t.history.map(signed) } : null;
    },

    async ofConversation(siteId: string, conversationId: string): Promise<TicketT | null> {
      const id = await redis.hGet(k.ticketByConversation(siteId), conversationId);
      return id ? this.get(siteId, id) : null;
    },

    /** Applies the patch and appends the history item atomically; null when there is no such ticket. */
    async update(
      siteId: string,
      id: string,
      patch: Partial<Omit<TicketT, 'history' | 'updatedAt'>>,
      history: StoredTicketHistoryItem,
    ): Promise<TicketT | null> {
      const fields = Object.entries(toHash(patch)).flat();
      const found = await scripts.updateTicket(
        redis,
        [k.ticket(siteId, id)],
        [JSON.stringify(kept(history)), JSON.stringify(history.ts), ...fields],
      );
      return found === 1 ? this.get(siteId, id) : null;
    },

    /** Newest first, filtered; filters are applied in the process (a site's tickets, paged). */
    async list(siteIds: string[], q: TicketListQuery): Promise<{ tickets: TicketT[]; total: number }> {
      const all: TicketT[] = [];
      for (const siteId of siteIds) {
        const ids = await redis.zRange(k.tickets(siteId), 0, -1, { REV: true });
        const tickets = await Promise.all(ids.map((id) => this.get(siteId, id)));
        for (const t of tickets) if (t && matches(t, q)) all.push(t);
      }
      all.sort((a, b) => b.createdAt - a.createdAt);
      return { tickets: all.slice(q.offset, q.offset + q.limit), total: all.length };
    },
  };
}

function matches(t: TicketT, q: TicketListQuery): boolean {
  if (q.status && t.status !== q.status) return false;
  if (q.skill && t.skill !== q.skill) return false;
  if (q.level && t.level !== q.level) return false;
  if (q.assigneeId && t.assigneeId !== q.assigneeId) return false;
  if (q.q) {
    const needle = q.q.toLowerCase();
    const hay = [
      String(t.number),
      t.visitor.name ?? '',
      t.visitor.email ?? '',
      t.note ?? '',
      ...t.transcript.map((m) => m.text),
    ];
    if (!hay.some((h) => h.toLowerCase().includes(needle))) return false;
  }
  return true;
}
export type TicketStore = ReturnType<typeof ticketStore>;

/** A message as a client holds it: enough to tell who wrote it, in which order, and whether it is a copy. */
export type Held = { id: string; clientMsgId: string | null; author: string; text: string };

/** One acknowledged message: stored as `id`, written by `writer` as their message number `seq`. */
export type Acked = { id: string; clientMsgId: string; writer: string; seq: number; at: number };

/** Visitors are named v1, v2…, agents a1, a2…: a writer's name says which side it is on. */
export const isVisitorName = (writer: string) => writer.startsWith('v');
export const isAgentName = (writer: string) => writer.startsWith('a');

/** Texts are `<writer>#<n>`: who wrote the message and their how-manieth it is. */
export const textOf = (writer: string, seq: number) => `${writer}#${seq}`;
export function parseText(text: string): { writer: string; seq: number } | null {
  const [writer, seq] = text.split('#');
  return writer && seq && /^\d+$/.test(seq) ? { writer, seq: Number(seq) } : null;
}

/**
 * Every message a sender holds as stored (its ack came back, or its own push did), by
 * conversation: what must be in Redis once and shown at the other side, in order.
 */
export class Ledger {
  readonly byConversation = new Map<string, Map<string, Acked>>();

  /** What a sender's store holds now: its own messages with an id are acknowledged. */
  hold(conversationId: string, writer: string, messages: readonly Held[]): void {
    let acked = this.byConversation.get(conversationId);
    for (const m of messages) {
      if (!m.clientMsgId || (m.author !== 'visitor' && m.author !== 'agent')) continue;
      const parsed = parseText(m.text);
      if (parsed?.writer !== writer) continue;
      if (!acked) this.byConversation.set(conversationId, (acked = new Map<string, Acked>()));
      if (acked.has(m.clientMsgId)) continue;
      acked.set(m.clientMsgId, { id: m.id, clientMsgId: m.clientMsgId, writer, seq: parsed.seq, at: Date.now() });
    }
  }

  /** The messages of conversation `id` that its receiver `reader` must show (those others wrote). */
  dueTo(conversationId: string, reader: (writer: string) => boolean): Acked[] {
    return [...(this.byConversation.get(conversationId)?.values() ?? [])].filter((a) => reader(a.writer));
  }

  get size(): number {
    let n = 0;
    for (const m of this.byConversation.values()) n += m.size;
    return n;
  }
}

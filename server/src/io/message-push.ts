import { needsAttention, type Conversation, type Message } from '@cascade/shared';
import type { MessageStore } from '../store/messages.ts';
import type { UnreadStore } from '../store/unread.ts';
import { merged } from '../records.ts';
import type { Notifier } from '../waterfall/notifier.ts';
import { toVisitorMessage } from '../waterfall/visitor-projection.ts';

export type MessagePushDeps = {
  messages: Pick<MessageStore, 'before'>;
  notify: Pick<Notifier, 'toAgent' | 'toVisitor' | 'toChatWatchers'>;
  /** Counts what the assigned agent has not read; absent where nobody keeps counts (unit tests). */
  unread?: Pick<UnreadStore, 'add'>;
};

/** How far back one read looks for the message before; notes and routing steps rarely run longer. */
const PAGE = 20;

const visitorSees = (m: Message): boolean => toVisitorMessage(m) !== null;

/**
 * Pushes a stored message to the visitor's tabs (unless they may not see it) and to the assigned
 * agent, each copy naming the message before it that its receiver may see (`prev`). Pushes are
 * fire-and-forget (a pub/sub reconnect can drop one); a receiver whose last contiguous id is not
 * `prev` knows it missed something and fetches exactly the gap. Stream ids only grow, so what is
 * before a stored message is final when it is read.
 */
export function messagePush(d: MessagePushDeps) {
  /** The newest message before `before` that `sees` lets through, read a page at a time. */
  async function previous(m: Message, sees: (m: Message) => boolean, before: Message): Promise<string | null> {
    if (sees(before)) return before.id;
    for (let from = before.id; ;) {
      const page = await d.messages.before(m.conversationId, from, PAGE);
      const found = page.find(sees);
      if (found) return found.id;
      const oldest = page.at(-1);
      if (page.length < PAGE || !oldest) return null;
      from = oldest.id;
    }
  }

  /** `before`: the message stored just before `m`, when the store said so as it stored `m`. */
  return async function push(m: Message, c: Conversation, before?: Message | null): Promise<void> {
    // One message read (and parsed) is enough but for a visitor's push after agents' notes.
    const last = before !== undefined ? before : ((await d.messages.before(m.conversationId, m.id, 1))[0] ?? null);
    // Counted before the push, so that the agent's "read" answering it always clears it: that
    // comes later on the count's connection, which runs commands in the order sent, so the push
    // need not wait for the count's answer.
    const counted = c.agentId && d.unread && needsAttention(m, c.agentId) ? d.unread.add(c.agentId, c.id) : null;
    const pushed = merged(m, { prev: last?.id ?? null });
    if (c.agentId) d.notify.toAgent(c.agentId, 'message:new', pushed);
    d.notify.toChatWatchers(c.id, c.agentId, 'message:new', pushed);
    if (visitorSees(m)) {
      const prev = last ? await previous(m, visitorSees, last) : null;
      d.notify.toVisitor(c.siteId, c.visitorId, 'message:new', merged(m, { prev }));
    }
    await counted;
  };
}

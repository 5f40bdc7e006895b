import { randomUUID } from 'node:crypto';
import { CascadeError, newConversation, openStates, type Conversation, type Site, type Visitor } from '@cascade/shared';
import type { ConversationStore } from '../store/conversations.ts';
import type { VisitorStore } from '../store/visitors.ts';
import type { DomainEvents } from '../events.ts';
import type { Journal } from './journal.ts';

export type StartDeps = {
  conversations: Pick<ConversationStore, 'create' | 'discard' | 'get'>;
  visitors: Pick<VisitorStore, 'switchConversation'>;
  journal: Pick<Journal, 'started'>;
  events: Pick<DomainEvents, 'emit'>;
};

/**
 * A new conversation for the visitor, unless another of their tabs started one since they
 * looked (`seen`: the conversation they saw, null for none): then they join that one.
 */
export async function startConversation(
  d: StartDeps,
  site: Site,
  visitor: Visitor,
  seen: string | null,
): Promise<Conversation> {
  const now = Date.now();
  const c = newConversation({
    id: randomUUID().replace(/-/g, ''),
    siteId: site.id,
    visitorId: visitor.id,
    locale: visitor.locale,
    at: now,
  });
  await d.conversations.create(c);
  let expected = seen;
  for (let tries = 0; tries < 3; tries++) {
    const { switched, current } = await d.visitors.switchConversation(site.id, visitor.id, expected, c.id);
    if (switched) {
      await Promise.all([
        d.journal.started(site.id, c.id, now),
        d.events.emit({ type: 'conversation.started', conversation: c }),
      ]);
      return c;
    }
    const other = current ? await d.conversations.get(current) : null;
    if (other && openStates.has(other.state)) {
      await d.conversations.discard(c);
      return other;
    }
    // What is current now has ended already: ours takes its place.
    expected = current;
  }
  await d.conversations.discard(c);
  throw new CascadeError('conflict', 'your conversation changed meanwhile; please send again');
}

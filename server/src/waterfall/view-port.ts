import type { ChatSummary, Conversation, ConversationView, QueueStatus, Site } from '@cascade/shared';
import { chatSummary, placedView, visitorView, type ViewDeps } from './views.ts';

/** What the shell shows people, bound to its stores once, so each part of the shell can name only the views it uses. */
export type Views = {
  visitorView: (c: Conversation) => Promise<ConversationView>;
  chatSummary: (c: Conversation) => Promise<ChatSummary | null>;
  /** The view of a waiting chat of the site at a place already known (the queue announcement's). */
  placedView: (site: Site, c: Conversation, queue: QueueStatus) => Promise<ConversationView>;
};

export function viewPort(d: ViewDeps): Views {
  return {
    visitorView: (c) => visitorView(d, c),
    chatSummary: (c) => chatSummary(d, c),
    placedView: (site, c, queue) => placedView(d, site, c, queue),
  };
}

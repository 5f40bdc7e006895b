import type { ChatSummary, Conversation, ConversationView, Site } from '@cascade/shared';
import { chatSummary, queueViews, visitorView, type ViewDeps } from './views.ts';

/** What the shell shows people, bound to its stores once, so each part of the shell can name only the views it uses. */
export type Views = {
  visitorView: (c: Conversation) => Promise<ConversationView>;
  chatSummary: (c: Conversation) => Promise<ChatSummary | null>;
  queueViews: (site: Site, chats: Conversation[]) => Promise<ConversationView[]>;
};

export function viewPort(d: ViewDeps): Views {
  return {
    visitorView: (c) => visitorView(d, c),
    chatSummary: (c) => chatSummary(d, c),
    queueViews: (site, chats) => queueViews(d, site, chats),
  };
}

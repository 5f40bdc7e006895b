import type { ConsoleState } from './console-state.ts';

/**
 * Tells the server which chats the agent has read, so that its unread counts (which survive a
 * reload) go back to 0. A chat that may hold a count there is owed a receipt until its count in
 * the console is 0; `send` answers false when it cannot be sent yet (offline), to try again later.
 */
export function readReceipts(send: (conversationId: string) => boolean) {
  const owed = new Set<string>();
  return {
    owe(conversationId: string): void {
      owed.add(conversationId);
    },
    check(state: ConsoleState): void {
      for (const id of owed) {
        const chat = state.chats[id];
        if (!chat) owed.delete(id);
        else if (chat.unread === 0 && send(id)) owed.delete(id);
      }
    },
  };
}

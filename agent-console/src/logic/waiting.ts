import type { ChatSummary, Conversation } from '@cascade/shared';

export interface WaitingGroup {
  skill: string;
  chats: ChatSummary[];
}

/** When the current wait began (a transfer or re-queue starts a new one); else the first queueing or creation. */
export function waitStart(conversation: Conversation): number {
  return conversation.waitingSince ?? conversation.queuedAt ?? conversation.createdAt;
}

/** Waiting chats per skill, longest wait first within a skill; skills in name order. */
export function groupWaiting(waiting: readonly ChatSummary[]): WaitingGroup[] {
  const bySkill = new Map<string, ChatSummary[]>();
  for (const chat of waiting) {
    const list = bySkill.get(chat.conversation.skill) ?? [];
    list.push(chat);
    bySkill.set(chat.conversation.skill, list);
  }
  return [...bySkill.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([skill, chats]) => ({
      skill,
      chats: chats.sort((a, b) => waitStart(a.conversation) - waitStart(b.conversation)),
    }));
}

/** Ids in `next` that were not in `previous`: the chats that just started waiting. */
export function newlyWaiting(previous: readonly ChatSummary[], next: readonly ChatSummary[]): string[] {
  const known = new Set(previous.map((c) => c.conversation.id));
  return next.map((c) => c.conversation.id).filter((id) => !known.has(id));
}

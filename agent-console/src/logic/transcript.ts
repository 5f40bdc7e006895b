import type { Message } from '@cascade/shared';

export type TranscriptKind = 'system' | 'note' | 'message';

export interface TranscriptItem {
  message: Message;
  kind: TranscriptKind;
  /** True for what happened before any agent joined: the bot's part of the chat. */
  beforeAgent: boolean;
}

/**
 * Marks the bot's part of a transcript. An agent has joined at the first `claimed`
 * note or, in older transcripts without one, at the first agent reply.
 */
export function annotateTranscript(messages: readonly Message[]): TranscriptItem[] {
  let agentJoined = false;
  return messages.map((message) => {
    if (message.event === 'claimed' || (message.author === 'agent' && !message.internal)) agentJoined = true;
    const kind: TranscriptKind = message.author === 'system' ? 'system' : message.internal ? 'note' : 'message';
    return { message, kind, beforeAgent: !agentJoined };
  });
}

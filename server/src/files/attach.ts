import { CascadeError, type Attachment } from '@cascade/shared';
import type { Claimant, FileRecords } from './records.ts';

/** What a sender's files are known by until the message is stored: one message, one key. */
export const messageKey = (conversationId: string, clientMsgId: string) => `${conversationId}:${clientMsgId}`;

/**
 * The files a message names, given to it: each must be the sender's to attach in this
 * conversation and not sent with another message. Undefined when the message names none.
 */
export async function attachFiles(
  records: FileRecords,
  ids: readonly string[] | undefined,
  who: Claimant,
  clientMsgId: string,
): Promise<Attachment[] | undefined> {
  if (!ids || ids.length === 0) return undefined;
  const files = await records.claim(ids, who, messageKey(who.conversationId, clientMsgId));
  if (!files)
    throw new CascadeError('not_found', 'a file is not in this conversation, or was sent with another message');
  return files;
}

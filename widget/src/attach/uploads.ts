import { createUploader, putFile, type Batches, type Sending, type Uploader } from '@cascade/client-core';
import type { AttachmentLink, UploadReply } from '@cascade/shared';
import { DEFAULT_ATTACHMENT_MAX_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from '@cascade/shared/constants';
import { useEffect, useState } from 'preact/hooks';
import type { ChatState } from '../state.ts';
import type { Connection } from '../panel/connection.ts';
import { uuid } from '../uuid.ts';

let uploader: Uploader<AttachmentLink> | null = null;
const listeners = new Set<() => void>();
/** The site's limit per file: a larger file is refused before a byte is sent. */
let limit = DEFAULT_ATTACHMENT_MAX_BYTES;

export const maxBytes = (state: ChatState): number => state.site?.attachments?.maxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES;

const refuse = (code: string): Sending<AttachmentLink> => ({
  done: Promise.resolve({ ok: false, code }),
  cancel() {},
});

function create(conn: Connection): Uploader<AttachmentLink> {
  return createUploader<AttachmentLink>({
    perMessage: MAX_ATTACHMENTS_PER_MESSAGE,
    newId: uuid,
    onChange: () => listeners.forEach((l) => l()),
    // The message goes through the outbox like text, under the clientMsgId the batch was given.
    onComplete: (clientMsgId, attachments) => conn.send('', attachments, clientMsgId),
    send(file, uploadId, progress) {
      if (file.size > limit) return refuse('file_too_large');
      // A file attached the moment the chat opens waits for the hello, which brings the token.
      let sending: Sending<AttachmentLink> | null = null;
      let cancelled = false;
      const done = conn.online().then(() => {
        if (cancelled) return refuse('unavailable').done;
        const token = conn.local.get('token');
        sending = putFile({
          url: new URL(`api/visitor/files/${uploadId}?name=${encodeURIComponent(file.name)}`, conn.base).href,
          file,
          headers: token ? { 'x-visitor-token': token } : {},
          progress,
          read: (body) => (body as UploadReply).file,
        });
        return sending.done;
      });
      return {
        done,
        cancel() {
          cancelled = true;
          sending?.cancel();
        },
      };
    },
  });
}

/** Uploads what the visitor picked, dropped or pasted. */
export function attach(chat: { conn: Connection; state: ChatState }, files: readonly File[]): void {
  limit = maxBytes(chat.state);
  uploader ??= create(chat.conn);
  uploader.add(files);
}

/** The uploads in flight or stopped, drawn again on every change; with the means to act on them. */
export function useUploads(): {
  batches: Batches<AttachmentLink>;
  retry: (id: string) => void;
  cancel: (id: string) => void;
} {
  const [, redraw] = useState(0);
  useEffect(() => {
    const again = () => redraw((n) => n + 1);
    listeners.add(again);
    return () => void listeners.delete(again);
  }, []);
  return {
    batches: uploader?.batches() ?? [],
    retry: (id) => uploader?.retry(id),
    cancel: (id) => uploader?.cancel(id),
  };
}

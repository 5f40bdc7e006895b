import { createUploader, putFile, type Batches } from '@cascade/client-core';
import type { AttachmentLink, UploadReply } from '@cascade/shared';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '@cascade/shared/constants';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { newClientMsgId } from '../logic/client-msg-id.ts';

/** A batch of files is stored: send its message under the batch's clientMsgId. */
export type OnUploaded = (clientMsgId: string, attachments: AttachmentLink[]) => void;

/**
 * Uploads the files an agent attaches to a chat, one message per batch of files. The uploader
 * lives as long as the chat's view; each file keeps its uploadId through retries.
 */
export function useUploads(conversationId: string, csrfToken: string, onUploaded: OnUploaded) {
  // Kept with the chat they belong to, so another chat's view starts with none.
  const [shown, setShown] = useState<{ id: string; batches: Batches<AttachmentLink> }>({
    id: conversationId,
    batches: [],
  });
  const uploaded = useRef(onUploaded);
  useEffect(() => {
    uploaded.current = onUploaded;
  });
  const uploader = useMemo(
    () =>
      createUploader<AttachmentLink>({
        perMessage: MAX_ATTACHMENTS_PER_MESSAGE,
        newId: newClientMsgId,
        onChange: (batches) => setShown({ id: conversationId, batches }),
        onComplete: (clientMsgId, attachments) => uploaded.current(clientMsgId, attachments),
        send: (file, uploadId, progress) =>
          putFile({
            url: `/api/conversations/${encodeURIComponent(conversationId)}/files/${uploadId}?name=${encodeURIComponent(file.name)}`,
            file,
            headers: { 'x-cascade-csrf': csrfToken },
            progress,
            read: (body) => (body as UploadReply).file,
          }),
      }),
    [conversationId, csrfToken],
  );
  return { batches: shown.id === conversationId ? shown.batches : [], uploader };
}

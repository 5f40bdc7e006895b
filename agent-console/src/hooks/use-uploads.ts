import { createUploader, putFile, type Batches } from '@cascade/client-core';
import type { AttachmentLink, UploadReply } from '@cascade/shared';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '@cascade/shared/constants';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { newClientMsgId } from '../logic/client-msg-id.ts';

/** A batch of files is stored: send its message under the batch's clientMsgId. */
export type OnUploaded = (clientMsgId: string, attachments: AttachmentLink[]) => void;

/**
 * Uploads the files an agent attaches to a chat or a ticket (`filesPath`, the collection the
 * server stores them in), one message per batch of files. The uploader lives as long as the
 * view; each file keeps its uploadId through retries.
 */
export function useUploads(filesPath: string, csrfToken: string, onUploaded: OnUploaded) {
  // Kept with the chat or ticket they belong to, so another one's view starts with none.
  const [shown, setShown] = useState<{ id: string; batches: Batches<AttachmentLink> }>({
    id: filesPath,
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
        onChange: (batches) => setShown({ id: filesPath, batches }),
        onComplete: (clientMsgId, attachments) => uploaded.current(clientMsgId, attachments),
        send: (file, uploadId, progress) =>
          putFile({
            url: `${filesPath}/${uploadId}?name=${encodeURIComponent(file.name)}`,
            file,
            headers: { 'x-cascade-csrf': csrfToken },
            progress,
            read: (body) => (body as UploadReply).file,
          }),
      }),
    [filesPath, csrfToken],
  );
  return { batches: shown.id === filesPath ? shown.batches : [], uploader };
}

import { cancelled, complete, failed, progressed, retried, stored, type Batches, type FileUpload } from './uploads.ts';

/** The outcome of sending one file: what the server stored, or why not. */
export type UploadOutcome<A> = { ok: true; attachment: A } | { ok: false; code: string };

/** One file on its way; `cancel` settles `done` (the uploader ignores a cancelled outcome). */
export interface Sending<A> {
  done: Promise<UploadOutcome<A>>;
  cancel(): void;
}

export interface UploaderOptions<A> {
  /** The most files one message may carry: more picked at once make several messages. */
  perMessage: number;
  send(file: File, uploadId: string, progress: (fraction: number) => void): Sending<A>;
  newId(): string;
  onChange(batches: Batches<A>): void;
  /** Every file of a batch is stored: time to send its message, under the batch's clientMsgId. */
  onComplete(clientMsgId: string, attachments: A[]): void;
}

export type Uploader<A> = ReturnType<typeof createUploader<A>>;

/**
 * Uploads the files picked together as one batch, one request per file, and hands the batch on
 * once all are stored. A retry sends the same file under the same uploadId; a cancelled file
 * leaves the batch, which goes on with the rest.
 */
export function createUploader<A>(options: UploaderOptions<A>) {
  let batches: Batches<A> = [];
  const files = new Map<string, File>();
  const running = new Map<string, Sending<A>>();

  function set(next: Batches<A>): void {
    batches = next;
    options.onChange(batches);
  }

  function finish(): void {
    for (const batch of batches) {
      const attachments = complete(batch);
      if (!attachments) continue;
      for (const f of batch.files) files.delete(f.uploadId);
      set(batches.filter((b) => b !== batch));
      options.onComplete(batch.clientMsgId, attachments);
    }
  }

  function start(uploadId: string): void {
    const file = files.get(uploadId);
    if (!file) return;
    const sending = options.send(file, uploadId, (fraction) => set(progressed(batches, uploadId, fraction)));
    running.set(uploadId, sending);
    void sending.done.then((outcome) => {
      if (running.get(uploadId) !== sending) return;
      running.delete(uploadId);
      set(outcome.ok ? stored(batches, uploadId, outcome.attachment) : failed(batches, uploadId, outcome.code));
      finish();
    });
  }

  return {
    batches: (): Batches<A> => batches,
    add(picked: readonly File[]): void {
      for (let i = 0; i < picked.length; i += options.perMessage) {
        const uploads: FileUpload<A>[] = picked.slice(i, i + options.perMessage).map((file) => {
          const uploadId = options.newId();
          files.set(uploadId, file);
          return { uploadId, name: file.name, type: file.type, size: file.size, sent: 0, stored: null, error: null };
        });
        set([...batches, { clientMsgId: options.newId(), files: uploads }]);
        for (const u of uploads) start(u.uploadId);
      }
    },
    retry(uploadId: string): void {
      set(retried(batches, uploadId));
      start(uploadId);
    },
    cancel(uploadId: string): void {
      running.get(uploadId)?.cancel();
      running.delete(uploadId);
      files.delete(uploadId);
      set(cancelled(batches, uploadId));
      finish();
    },
  };
}

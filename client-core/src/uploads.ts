/**
 * Files a sender has picked for one message, while they upload. A batch becomes a message once
 * every file in it is stored; its `clientMsgId` and each file's `uploadId` are chosen once and
 * kept through every retry, so a dropped connection never stores a file or a message twice.
 */
export interface FileUpload<A> {
  uploadId: string;
  name: string;
  type: string;
  size: number;
  /** Fraction sent, 0 to 1. */
  sent: number;
  /** What the server stored, once it answered. */
  stored: A | null;
  /** Why it stopped: an error code of the server's, or `unavailable` when the connection dropped. */
  error: string | null;
}

export interface UploadBatch<A> {
  clientMsgId: string;
  files: readonly FileUpload<A>[];
}

export type Batches<A> = readonly UploadBatch<A>[];

function update<A>(batches: Batches<A>, uploadId: string, change: Partial<FileUpload<A>>): Batches<A> {
  return batches.map((b) => ({
    ...b,
    files: b.files.map((f) => (f.uploadId === uploadId ? { ...f, ...change } : f)),
  }));
}

export const progressed = <A>(batches: Batches<A>, uploadId: string, sent: number): Batches<A> =>
  update(batches, uploadId, { sent });

export const stored = <A>(batches: Batches<A>, uploadId: string, attachment: A): Batches<A> =>
  update<A>(batches, uploadId, { sent: 1, stored: attachment, error: null });

export const failed = <A>(batches: Batches<A>, uploadId: string, error: string): Batches<A> =>
  update(batches, uploadId, { error });

export const retried = <A>(batches: Batches<A>, uploadId: string): Batches<A> =>
  update(batches, uploadId, { sent: 0, error: null });

/** Drops one file; a batch left with none is dropped too. */
export const cancelled = <A>(batches: Batches<A>, uploadId: string): Batches<A> =>
  batches
    .map((b) => ({ ...b, files: b.files.filter((f) => f.uploadId !== uploadId) }))
    .filter((b) => b.files.length > 0);

/** The attachments of a batch whose files are all stored, in the order picked; null while any is not. */
export function complete<A>(batch: UploadBatch<A>): A[] | null {
  const all = batch.files.map((f) => f.stored);
  return all.every((a): a is A => a !== null) ? all : null;
}

/** What went wrong with an upload, as the clients word it. */
export type UploadProblem = 'type' | 'size' | 'rejected' | 'busy' | 'failed';

const problems: Record<string, UploadProblem> = {
  file_type_not_allowed: 'type',
  file_too_large: 'size',
  file_rejected: 'rejected',
  invalid_payload: 'rejected',
  rate_limited: 'busy',
};

export const uploadProblem = (code: string): UploadProblem => problems[code] ?? 'failed';

/** A refusal another try would meet again: the sender can only remove the file. */
export const canRetryUpload = (code: string): boolean => !['type', 'size', 'rejected'].includes(uploadProblem(code));

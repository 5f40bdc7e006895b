export { compareIds, newer } from './ids.ts';
export { lastId, mergeMessages, type StreamMessage } from './merge.ts';
export { afterPush, afterSync, hasGap, type Contiguous } from './gap.ts';
export { createResync, type Resync, type ResyncOptions } from './resync.ts';
export { drop, enqueue, isTransient, outbox, sendInOrder, settle, type Pending } from './outbox.ts';
export { createStore, type Store } from './store.ts';
export { request, REQUEST_TIMEOUT_MS, type PayloadOf, type ReplyOf, type RequestSocket } from './request.ts';
export { isCurrent } from './views.ts';
export { seenMark } from './seen.ts';
export {
  canRetryUpload,
  uploadProblem,
  type Batches,
  type FileUpload,
  type UploadBatch,
  type UploadProblem,
} from './uploads.ts';
export { createUploader, type Sending, type Uploader, type UploaderOptions, type UploadOutcome } from './uploader.ts';
export { putFile, type PutFile } from './upload.ts';
export { fileLabel, fitWithin, formatSize } from './file-display.ts';

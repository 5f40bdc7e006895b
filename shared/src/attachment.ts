import { z } from 'zod';
import { ConversationId, Timestamp } from './ids.ts';
import { DEFAULT_ATTACHMENT_MAX_BYTES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from './constants.ts';

/** A stored file: `f_` and 22 base64url characters (128 random bits). */
export const FileId = z.string().regex(/^f_[A-Za-z0-9_-]{22}$/, 'file id must be f_ and 22 letters, digits, _ or -');
export type FileId = z.infer<typeof FileId>;

/** Chosen by the client for one upload: the same id again is the same upload, stored once. */
export const UploadId = z.uuid({ error: 'uploadId must be a UUID' });
export type UploadId = z.infer<typeof UploadId>;

/**
 * The kinds of file Cascade accepts, as told by the file's bytes. `application/x-cfb` is the
 * container of the older Office formats (.doc, .xls, .ppt), which the bytes cannot tell apart.
 */
export const AttachmentType = z.enum([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/x-cfb',
]);
export type AttachmentType = z.infer<typeof AttachmentType>;

/** Raster images: re-encoded, given a thumbnail, and the only files a browser may show inline. */
export const imageTypes: ReadonlySet<AttachmentType> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** What a site accepts; an empty list turns attachments off. */
export const AttachmentSettings = z.object({
  allowedTypes: z.array(AttachmentType).max(AttachmentType.options.length),
  maxBytes: z.number().int().min(1024).max(MAX_ATTACHMENT_BYTES),
});
export type AttachmentSettings = z.infer<typeof AttachmentSettings>;

export const DEFAULT_ATTACHMENT_SETTINGS: AttachmentSettings = {
  allowedTypes: [...AttachmentType.options],
  maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES,
};

/** A file as a message stores it. `name` is already made safe: no path, control or bidi characters. */
export const Attachment = z.object({
  id: FileId,
  name: z.string().min(1).max(255),
  type: AttachmentType,
  size: z.number().int().nonnegative(),
  image: z.boolean(),
  /** Pixels of the (re-encoded) image. */
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});
export type Attachment = z.infer<typeof Attachment>;

/**
 * A file as a client receives it: with short-lived signed links. A link that has expired is
 * renewed with `file:link`; `thumbUrl` is there for images only.
 */
export const AttachmentLink = Attachment.extend({
  url: z.url(),
  thumbUrl: z.url().optional(),
  expiresAt: Timestamp,
});
export type AttachmentLink = z.infer<typeof AttachmentLink>;

/** What a message refers to: uploaded files of the same conversation, each used once. */
export const AttachmentIds = z
  .array(FileId)
  .max(MAX_ATTACHMENTS_PER_MESSAGE, `a message has at most ${MAX_ATTACHMENTS_PER_MESSAGE} files`)
  .refine((ids) => new Set(ids).size === ids.length, 'a file is attached once');

/**
 * Uploads are raw bodies (`Content-Type: application/octet-stream`), the file's name in the
 * query. Visitors: `PUT /api/visitor/files/:uploadId?name=…` with the header
 * `x-visitor-token`. Agents: `PUT /api/conversations/:conversationId/files/:uploadId?name=…`.
 */
export const UploadQuery = z.object({ name: z.string().min(1).max(1024) });
export type UploadQuery = z.infer<typeof UploadQuery>;
export const VisitorUploadParams = z.object({ uploadId: UploadId });
export const AgentUploadParams = z.object({ conversationId: ConversationId, uploadId: UploadId });
export const VISITOR_TOKEN_HEADER = 'x-visitor-token';

export const UploadReply = z.object({ file: AttachmentLink });
export type UploadReply = z.infer<typeof UploadReply>;

/** Renews an attachment's links (socket `file:link`, visitor and agent). */
export const FileLinkRequest = z.object({ fileId: FileId });
export type FileLinkRequest = z.infer<typeof FileLinkRequest>;
export const FileLinkReply = z.object({ file: AttachmentLink });
export type FileLinkReply = z.infer<typeof FileLinkReply>;

/** How much a site stores. */
export const AttachmentUsage = z.object({
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type AttachmentUsage = z.infer<typeof AttachmentUsage>;

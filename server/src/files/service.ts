import { join } from 'node:path';
import type { Attachment, AttachmentLink, Message } from '@cascade/shared';
import type { Config } from '../config.ts';
import { linkBase } from '../public-url.ts';
import type { Db } from '../history/db.ts';
import type { Log } from '../log.ts';
import type { Redis } from '../redis/connect.ts';
import { diskStorage } from './disk-storage.ts';
import { fileLinks, signingSecret, type FileLinks } from './links.ts';
import { fileRecords, type FileRecords } from './records.ts';
import { s3Storage } from './s3-storage.ts';
import { clamdScanner, noScan, type Scanner } from './scan.ts';
import type { FileStorage } from './storage.ts';
import { uploads, type Uploads } from './uploads.ts';

export type Files = {
  storage: FileStorage;
  records: FileRecords;
  links: FileLinks;
  uploads: Uploads;
  /** A message with links that last as long as an email or a webhook may wait to be read (FILE_MAIL_LINK_HOURS). */
  mailLinks: (m: Message) => Message;
  /** One file's links, as long-lived as `mailLinks`'. */
  mailFile: (a: Attachment) => AttachmentLink;
  /** Removes these conversations' files, bytes and records. */
  forgetConversations(ids: readonly string[]): Promise<number>;
  /** Removes these files of a site, bytes and records. */
  forgetFiles(siteId: string, ids: readonly string[]): Promise<number>;
  /** Removes every file of a visitor, bytes and records. */
  forgetVisitor(siteId: string, visitorId: string): Promise<number>;
  /** Removes a site's files made before `cutoff` (retention). */
  forgetOlder(siteId: string, cutoff: Date): Promise<number>;
  /** Removes files no message took within `olderThanMs`. */
  forgetUnclaimed(olderThanMs: number): Promise<number>;
  close(): void;
};

function storageOf(config: Config): FileStorage & { close?(): void } {
  if (config.FILES_STORAGE === 'disk') return diskStorage(config.FILES_DIR ?? join(config.DATA_DIR, 'files'));
  if (!config.S3_BUCKET) throw new Error('Invalid configuration:\nS3_BUCKET: required when FILES_STORAGE is s3');
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  return s3Storage({
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  });
}

/** Attachments: where their bytes go, their records, their links; built once by the composition root. */
export async function files(
  d: { config: Config; redis: Redis; secretKey: string; db: Db; log: Log },
  scanner: Scanner = d.config.FILES_CLAMD_URL ? clamdScanner(d.config.FILES_CLAMD_URL) : noScan,
): Promise<Files> {
  const { config } = d;
  const storage = storageOf(config);
  const records = fileRecords(d.db);
  const secret = await signingSecret(d.redis, d.secretKey, config.FILES_SIGNING_SECRET);
  const links = fileLinks(secret, linkBase(config), config.FILE_LINK_MINUTES * 60_000);
  const mailTtl = config.FILE_MAIL_LINK_HOURS * 3_600_000;
  const removed = async (keys: string[]) => {
    await storage.remove(keys);
    return keys.length;
  };
  return {
    storage,
    records,
    links,
    uploads: uploads({ storage, records, scanner, log: d.log }),
    mailLinks: (m) => links.message(m, mailTtl),
    mailFile: (a) => links.link(a, mailTtl),
    forgetConversations: async (ids) => removed(await records.removeConversations(ids)),
    forgetFiles: async (siteId, ids) => removed(await records.removeFiles(siteId, ids)),
    forgetVisitor: async (siteId, visitorId) => removed(await records.removeVisitor(siteId, visitorId)),
    forgetOlder: async (siteId, cutoff) => removed(await records.removeOlder(siteId, cutoff)),
    forgetUnclaimed: async (olderThanMs) => removed(await records.removeUnclaimed(olderThanMs)),
    close: () => storage.close?.(),
  };
}

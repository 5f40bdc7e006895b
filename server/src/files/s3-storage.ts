import {
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { checkKey, type FileStorage } from './storage.ts';

export type S3Options = {
  bucket: string;
  region: string;
  endpoint?: string | undefined;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
};

/** S3's DeleteObjects takes at most this many keys per call. */
const DELETE_BATCH = 1000;

/** Attachments in an S3-compatible bucket, for installations with several servers. */
export function s3Storage(o: S3Options): FileStorage & { close(): void } {
  const config: S3ClientConfig = { region: o.region, forcePathStyle: o.forcePathStyle };
  if (o.endpoint) config.endpoint = o.endpoint;
  if (o.credentials) config.credentials = o.credentials;
  const s3 = new S3Client(config);
  return {
    async put(key, bytes, type) {
      await s3.send(new PutObjectCommand({ Bucket: o.bucket, Key: checkKey(key), Body: bytes, ContentType: type }));
    },
    async get(key) {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: o.bucket, Key: checkKey(key) }));
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
      } catch (e) {
        if (e instanceof NoSuchKey) return null;
        throw e;
      }
    },
    async remove(keys) {
      for (let i = 0; i < keys.length; i += DELETE_BATCH) {
        const batch = keys.slice(i, i + DELETE_BATCH).map((k) => ({ Key: checkKey(k) }));
        await s3.send(new DeleteObjectsCommand({ Bucket: o.bucket, Delete: { Objects: batch, Quiet: true } }));
      }
    },
    close() {
      s3.destroy();
    },
  };
}

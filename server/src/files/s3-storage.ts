import type { S3ClientConfig } from '@aws-sdk/client-s3';
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

/**
 * Attachments in an S3-compatible bucket, for installations with several servers. The SDK is
 * loaded here, not at start: it is large, and most installations keep files on disk.
 */
export function s3Storage(o: S3Options): FileStorage & { close(): void } {
  const config: S3ClientConfig = { region: o.region, forcePathStyle: o.forcePathStyle };
  if (o.endpoint) config.endpoint = o.endpoint;
  if (o.credentials) config.credentials = o.credentials;
  const loaded = import('@aws-sdk/client-s3').then((sdk) => ({ sdk, s3: new sdk.S3Client(config) }));
  // A failed load is each call's error; unobserved until then, it must not end the process.
  loaded.catch(() => undefined);
  return {
    async put(key, bytes, type) {
      const { sdk, s3 } = await loaded;
      await s3.send(new sdk.PutObjectCommand({ Bucket: o.bucket, Key: checkKey(key), Body: bytes, ContentType: type }));
    },
    async get(key) {
      const { sdk, s3 } = await loaded;
      try {
        const out = await s3.send(new sdk.GetObjectCommand({ Bucket: o.bucket, Key: checkKey(key) }));
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
      } catch (e) {
        if (e instanceof sdk.NoSuchKey) return null;
        throw e;
      }
    },
    async remove(keys) {
      const { sdk, s3 } = await loaded;
      for (let i = 0; i < keys.length; i += DELETE_BATCH) {
        const batch = keys.slice(i, i + DELETE_BATCH).map((k) => ({ Key: checkKey(k) }));
        await s3.send(new sdk.DeleteObjectsCommand({ Bucket: o.bucket, Delete: { Objects: batch, Quiet: true } }));
      }
    },
    close() {
      void loaded.then(
        ({ s3 }) => s3.destroy(),
        () => undefined,
      );
    },
  };
}

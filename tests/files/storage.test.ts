import { readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesDir, startCascade, type Harness } from '../support/harness.ts';
import { startS3 } from '../support/s3.ts';
import { png, visitorUpload } from './uploads.ts';

const get = (h: Harness, link: string) => {
  const u = new URL(link);
  return fetch(`${h.url}${u.pathname}${u.search}`);
};

/** Uploads a picture, reads it back by its link, and returns the file's id. */
async function roundTrip(h: Harness): Promise<string> {
  const visitor = await h.visitor();
  const up = await visitorUpload(h.url, visitor.token, 'shot.png', await png());
  expect(up.status).toBe(200);
  const res = await get(h, up.body.file.url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  expect((await get(h, up.body.file.thumbUrl!)).status).toBe(200);
  visitor.close();
  return up.body.file.id;
}

describe('the disk back end', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startCascade();
  });
  afterAll(async () => {
    await h.close();
  });

  it('keeps a file and its thumbnail under FILES_DIR, in the site’s folder', async () => {
    const id = await roundTrip(h);
    expect((await readdir(`${filesDir(h.prefix)}/${h.demo.siteId}/${id}`)).sort()).toEqual(['file', 'thumb']);
  });
});

describe('the S3 back end', () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  let h: Harness;
  beforeAll(async () => {
    s3 = await startS3();
    h = await startCascade(s3.env);
  });
  afterAll(async () => {
    await h.close();
    await s3.close();
  });

  it('keeps a file and its thumbnail in the bucket, and nothing on disk', async () => {
    const id = await roundTrip(h);
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const listed = await client.send(
      new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${h.demo.siteId}/${id}/` }),
    );
    expect((listed.Contents ?? []).map((o) => o.Key).sort()).toEqual([
      `${h.demo.siteId}/${id}/file`,
      `${h.demo.siteId}/${id}/thumb`,
    ]);
    client.destroy();
    await expect(readdir(filesDir(h.prefix))).rejects.toThrow();
  });
});

describe('a scan hook', () => {
  let clamd: Server;
  let h: Harness;
  beforeAll(async () => {
    // A stand-in for clamd that speaks its INSTREAM protocol and finds every file infected.
    clamd = createServer((socket) => {
      const seen: Buffer[] = [];
      socket.on('data', (d: Buffer) => {
        seen.push(d);
        const all = Buffer.concat(seen);
        if (all.length >= 4 && all.subarray(-4).equals(Buffer.alloc(4)))
          socket.end('stream: Eicar-Test-Signature FOUND\0');
      });
    });
    await new Promise<void>((r) => clamd.listen(0, '127.0.0.1', r));
    const { port } = clamd.address() as { port: number };
    h = await startCascade({ FILES_CLAMD_URL: `tcp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await h.close();
    await new Promise<void>((r) => clamd.close(() => r()));
  });

  it('refuses a file the scanner finds infected, and keeps nothing of it', async () => {
    const visitor = await h.visitor();
    const up = await visitorUpload(
      h.url,
      visitor.token,
      'eicar.txt',
      Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR'),
    );
    expect(up.status).toBe(422);
    expect(up.body.error?.code).toBe('file_rejected');
    expect((await h.cascade.files.records.usage(h.demo.siteId)).files).toBe(0);
    visitor.close();
  });
});

import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { UploadReply } from '@cascade/shared';

export type Upload = { status: number; body: UploadReply & { error?: { code: string; message: string } } };

/** A visitor's upload, as the widget makes it: the bytes as the body, the token in a header. */
export async function visitorUpload(
  url: string,
  token: string,
  name: string,
  bytes: Buffer,
  opts: { uploadId?: string; origin?: string; type?: string } = {},
): Promise<Upload> {
  const res = await fetch(
    `${url}/api/visitor/files/${opts.uploadId ?? randomUUID()}?name=${encodeURIComponent(name)}`,
    {
      method: 'PUT',
      headers: {
        'content-type': opts.type ?? 'application/octet-stream',
        'x-visitor-token': token,
        ...(opts.origin ? { origin: opts.origin } : {}),
      },
      body: new Uint8Array(bytes),
    },
  );
  return { status: res.status, body: (await res.json()) as Upload['body'] };
}

/** An agent's upload into a conversation, with the console's cookie and CSRF header. */
export async function agentUpload(
  url: string,
  auth: { cookie: string; csrf: string },
  conversationId: string,
  name: string,
  bytes: Buffer,
  uploadId: string = randomUUID(),
): Promise<Upload> {
  const res = await fetch(
    `${url}/api/conversations/${conversationId}/files/${uploadId}?name=${encodeURIComponent(name)}`,
    {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', cookie: auth.cookie, 'x-cascade-csrf': auth.csrf },
      body: new Uint8Array(bytes),
    },
  );
  return { status: res.status, body: (await res.json()) as Upload['body'] };
}

/** A small PNG drawn by sharp. */
export const png = (width = 40, height = 30) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toBuffer();

/** A JPEG carrying EXIF with a camera and a GPS position, as a phone's photo does. */
export const photoWithGps = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Copyright: 'Jane Visitor' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .toBuffer();

/** The smallest PDF a reader opens. */
export const pdf = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );

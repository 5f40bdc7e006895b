import { crc32, deflateSync } from 'node:zlib';
import { DEFAULT_ATTACHMENT_SETTINGS } from '@cascade/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { png, visitorUpload } from './uploads.ts';

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await startCascade();
  token = (await h.visitor()).token;
});
afterEach(async () => {
  await h.configureSite({ attachments: DEFAULT_ATTACHMENT_SETTINGS });
});
afterAll(async () => {
  await h.close();
});

const get = (link: string) => {
  const u = new URL(link);
  return fetch(`${h.url}${u.pathname}${u.search}`);
};

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of a few hundred bytes that claims 60,000 × 60,000 pixels: decoded, it would fill gigabytes. */
function pixelBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(60_000, 0);
  ihdr.writeUInt32BE(60_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = deflateSync(Buffer.alloc(60_000 * 3 + 1));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const script = '<html><body><script>alert(document.cookie)</script></body></html>';

describe('uploads under attack', () => {
  it('refuses a file over the site’s limit, declared or streamed', async () => {
    await h.configureSite({ attachments: { ...DEFAULT_ATTACHMENT_SETTINGS, maxBytes: 2048 } });
    const declared = await visitorUpload(h.url, token, 'big.txt', Buffer.alloc(4096, 'a'));
    expect(declared.status).toBe(413);
    expect(declared.body.error?.code).toBe('file_too_large');

    const streamed = await fetch(`${h.url}/api/visitor/files/${crypto.randomUUID()}?name=big.txt`, {
      method: 'PUT',
      headers: { 'x-visitor-token': token },
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < 4; i++) c.enqueue(new Uint8Array(1024).fill(97));
          c.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('judges a file by its bytes: HTML named .png and noise named .jpg are refused', async () => {
    const html = await visitorUpload(h.url, token, 'cat.png', Buffer.from(script), { type: 'image/png' });
    expect(html.status).toBe(415);
    expect(html.body.error?.code).toBe('file_type_not_allowed');
    const noise = await visitorUpload(h.url, token, 'photo.jpg', Buffer.from([0xff, 0x00, 0x13, 0x37, 0x00, 0xfe]));
    expect(noise.status).toBe(415);
  });

  it('refuses what the site does not accept, saying what it does', async () => {
    await h.configureSite({ attachments: { ...DEFAULT_ATTACHMENT_SETTINGS, allowedTypes: ['application/pdf'] } });
    const refused = await visitorUpload(h.url, token, 'shot.png', await png());
    expect(refused.status).toBe(415);
    expect(refused.body.error?.message).toContain('PDF');
  });

  it('keeps nothing of the HTML in an image/HTML polyglot', async () => {
    const polyglot = Buffer.concat([await png(), Buffer.from(script)]);
    const up = await visitorUpload(h.url, token, 'poly.png', polyglot);
    expect(up.status).toBe(200);
    const served = Buffer.from(await (await get(up.body.file.url)).arrayBuffer());
    expect(served.includes(Buffer.from('<script'))).toBe(false);
  });

  it('refuses a decompression bomb without decoding it', async () => {
    const bomb = pixelBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const up = await visitorUpload(h.url, token, 'bomb.png', bomb);
    expect(up.status).toBe(422);
    expect(up.body.error?.code).toBe('file_rejected');
  });

  it.each([
    ['../../../etc/passwd', 'passwd.txt'],
    ['..\\..\\windows\\win.ini', 'win.ini.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe.txt'],
    ['\u0000\u0007.hidden\r\n', 'hidden.txt'],
    ['report.txt', 'report.txt'],
  ])('makes the name %j safe', async (name, safe) => {
    const up = await visitorUpload(h.url, token, name, Buffer.from('plain words'));
    expect(up.body.file.name).toBe(safe);
    const res = await get(up.body.file.url);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${safe}"; filename*=UTF-8''${safe}`);
  });

  it('refuses an unknown visitor token and a page the site does not allow', async () => {
    expect((await visitorUpload(h.url, 'x'.repeat(32), 'a.txt', Buffer.from('hi'))).status).toBe(401);
    const foreign = await visitorUpload(h.url, token, 'a.txt', Buffer.from('hi'), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error?.code).toBe('origin_not_allowed');
  });

  it('refuses a file id that is not one, and a link to a file that does not exist', async () => {
    const up = await visitorUpload(h.url, token, 'a.txt', Buffer.from('hi'));
    const u = new URL(up.body.file.url);
    expect((await fetch(`${h.url}/files/..%2F..%2Fetc%2Fpasswd/x${u.search}`)).status).toBe(400);
    expect((await fetch(`${h.url}/files/f_AAAAAAAAAAAAAAAAAAAAAA/a.txt${u.search}`)).status).toBe(404);
  });
});

describe('upload limits', () => {
  let limited: Harness;
  beforeAll(async () => {
    limited = await startCascade({ RATE_UPLOADS_PER_VISITOR_PER_HOUR: '2' });
  });
  afterAll(async () => {
    await limited.close();
  });

  it('slows down a visitor who uploads too many files', async () => {
    const visitor = await limited.visitor();
    for (let i = 0; i < 2; i++)
      expect((await visitorUpload(limited.url, visitor.token, 'a.txt', Buffer.from(`file ${i}`))).status).toBe(200);
    const third = await visitorUpload(limited.url, visitor.token, 'a.txt', Buffer.from('one more'));
    expect(third.status).toBe(429);
    expect(third.body.error?.code).toBe('rate_limited');
    visitor.close();
  });
});

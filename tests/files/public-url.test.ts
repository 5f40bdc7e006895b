import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { loadConfig, publicUrlProblems } from '@cascade/server';
import type { UploadReply } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { cascadeForFile } from '../support/stage.ts';
import { png } from './uploads.ts';

/** A visitor's upload sent with a Host header of the test's choice, as a proxy or a second DNS name gives. */
async function uploadVia(url: string, host: string, token: string): Promise<UploadReply> {
  const body = await png();
  const target = new URL(`${url}/api/visitor/files/${randomUUID()}?name=shot.png`);
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'PUT',
        headers: { host, 'content-type': 'application/octet-stream', 'x-visitor-token': token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as UploadReply));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('links without PUBLIC_URL', () => {
  let h: Harness;
  cascadeForFile((started) => (h = started));

  it('name the host each HTTP request reached', async () => {
    const visitor = await h.visitor();
    const port = new URL(h.url).port;
    for (const host of [`127.0.0.1:${port}`, `support.shop.example:${port}`]) {
      const { file } = await uploadVia(h.url, host, visitor.token);
      expect(file.url.startsWith(`http://${host}/files/${file.id}/`)).toBe(true);
      expect(file.thumbUrl?.startsWith(`http://${host}/files/${file.id}/thumb/`)).toBe(true);
    }
    // What the link names is a host, never a path or a second URL smuggled in the header.
    const { file } = await uploadVia(h.url, `evil.example/x?`, visitor.token);
    expect(new URL(file.url).host).not.toBe('evil.example');
    visitor.close();
  });

  it('stop start-up when mail is on and no address people can reach is known, and warn otherwise', () => {
    const mail = { SMTP_URL: 'smtp://127.0.0.1:2525', HOST: '0.0.0.0' };
    expect(() => loadConfig(mail)).toThrow(/PUBLIC_URL: required when SMTP_URL is set/);
    expect(loadConfig({ ...mail, PUBLIC_URL: 'https://chat.example.com/' }).publicUrl).toBe('https://chat.example.com');
    expect(loadConfig({ ...mail, HOST: 'chat.internal', PORT: '8080' }).publicUrl).toBe('http://chat.internal:8080');

    const unset = publicUrlProblems(loadConfig({}));
    expect(unset.error).toBeNull();
    expect(unset.warning).toMatch(/PUBLIC_URL is unset: links in HTTP answers name the host each request reached/);
    expect(publicUrlProblems(loadConfig({ PUBLIC_URL: 'https://chat.example.com' })).warning).toBeNull();
  });
});

describe('links with PUBLIC_URL', () => {
  let h: Harness;
  cascadeForFile((started) => (h = started), { PUBLIC_URL: 'https://chat.example.com' });

  it('name PUBLIC_URL whatever host a request reached', async () => {
    const visitor = await h.visitor();
    const { file } = await uploadVia(h.url, `127.0.0.1:${new URL(h.url).port}`, visitor.token);
    expect(file.url.startsWith(`https://chat.example.com/files/${file.id}/`)).toBe(true);
    visitor.close();
  });
});

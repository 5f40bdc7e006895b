import { Readable } from 'node:stream';
import { CascadeError } from '@cascade/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tooLarge } from './uploads.ts';

/**
 * Upload routes take the file itself as the body, whatever type the browser names (it is read
 * from the bytes later). Registered inside the routes' own plugin: every other route keeps
 * Fastify's JSON parser and its small body limit.
 */
export function rawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
}

/** The body, read up to `limit` bytes: a larger one is refused as soon as it says or shows so. */
export async function readUpload(req: FastifyRequest, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const body = req.body;
  if (!(body instanceof Readable)) throw new CascadeError('invalid_payload', 'the body must be the file');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

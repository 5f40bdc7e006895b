import { CascadeError, FileId, imageTypes } from '@cascade/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Files } from '../files/service.ts';
import type { Variant } from '../files/links.ts';
import { parse } from './parse.ts';

const Params = z.object({ fileId: FileId, name: z.string().max(1024) });
const Signed = z.object({ e: z.coerce.number().int().nonnegative(), s: z.string().min(1).max(128) });

/** Nothing in a file may run, load or navigate, even if a browser were talked into rendering it. */
const FILE_CSP = "default-src 'none'; sandbox";

/** `filename*` carries the real name; `filename` a plain-ASCII stand-in for old clients. */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Files under `/files/<id>/…`, apart from the console and the API, only by a signed link
 * that has not expired. Raster images open in the browser; everything else downloads.
 */
export function fileDownloadRoutes(app: FastifyInstance, d: { files: Files }): void {
  async function serve(req: FastifyRequest, reply: FastifyReply, variant: Variant) {
    const { fileId } = parse(Params, req.params);
    const { e, s } = parse(Signed, req.query);
    const verdict = d.files.links.verify(fileId, variant, e, s);
    // A forged or altered link learns nothing: it is "not found" whether or not the file exists.
    if (verdict === 'bad') throw new CascadeError('not_found', 'no such file');
    if (verdict === 'expired') throw new CascadeError('link_expired', 'this link has expired; open the file again');
    const file = await d.files.records.get(fileId);
    const key = file?.stored[variant === 'f' ? 0 : 1];
    const bytes = key ? await d.files.storage.get(key) : null;
    if (!file || !bytes) throw new CascadeError('not_found', 'no such file');
    const inline = variant === 't' || imageTypes.has(file.type);
    const type = variant === 't' ? 'image/webp' : file.type === 'text/plain' ? 'text/plain; charset=utf-8' : file.type;
    return reply
      .header('content-type', inline ? type : 'application/octet-stream')
      .header('content-disposition', disposition(inline ? 'inline' : 'attachment', file.name))
      .header('content-security-policy', FILE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', `private, max-age=${Math.max(0, Math.floor((e - Date.now()) / 1000))}`)
      .send(bytes);
  }
  app.get('/files/:fileId/:name', (req, reply) => serve(req, reply, 'f'));
  app.get('/files/:fileId/thumb/:name', (req, reply) => serve(req, reply, 't'));
}

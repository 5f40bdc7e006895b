import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const widgetDist = join(root, 'widget', 'dist');
const consoleDist = join(root, 'agent-console', 'dist');

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

/** Only plain relative paths below the folder are served. */
const safe = (p: string) => /^[\w@.-]+(\/[\w@.-]+)*$/.test(p) && !p.split('/').includes('..');

async function send(reply: FastifyReply, dir: string, path: string, cache: string) {
  let body: Buffer;
  try {
    body = await readFile(join(dir, path));
  } catch {
    return reply.status(404).send({ error: { code: 'not_found', message: 'no such file; run `pnpm build` first?' } });
  }
  return reply
    .type(types[extname(path)] ?? 'application/octet-stream')
    .header('cache-control', cache)
    .send(body);
}

export function staticRoutes(app: FastifyInstance) {
  // The loader's URL never changes, so it is cached briefly; built chunks carry a hash and last.
  app.get('/widget.js', (_req, reply) =>
    send(reply.header('access-control-allow-origin', '*'), widgetDist, 'widget.js', 'public, max-age=300'),
  );
  app.get<{ Params: { '*': string } }>('/widget/*', (req, reply) => {
    const p = req.params['*'];
    if (!safe(p)) return reply.status(404).send({ error: { code: 'not_found', message: 'no such file' } });
    return send(reply.header('access-control-allow-origin', '*'), widgetDist, p, 'public, max-age=31536000, immutable');
  });
  app.get('/console', (_req, reply) => reply.redirect('/console/'));
  app.get<{ Params: { '*': string } }>('/console/*', (req, reply) => {
    const p = req.params['*'];
    if (p.startsWith('assets/') && safe(p)) return send(reply, consoleDist, p, 'public, max-age=31536000, immutable');
    return send(reply, consoleDist, 'index.html', 'no-cache');
  });
}

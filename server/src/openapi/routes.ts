import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { docsPage } from './docs-page.ts';
import { openApiDocument, type OpenApiDocument } from './document.ts';
import { routeCatalogue, type DescribedRoute } from './route-doc.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The described routes, and the OpenAPI document built from them once the server is ready. */
    openapi: { routes: readonly DescribedRoute[]; document(): OpenApiDocument };
  }
}

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * The REST API's description: starts collecting the routes (call it before any route is added)
 * and serves `GET /api/openapi.json` and the page `GET /api/docs`, both public.
 */
export function openApiRoutes(app: FastifyInstance): void {
  const routes = routeCatalogue(app);
  let built: { doc: OpenApiDocument; page: string } | null = null;
  // Built on first use: by then every route has been registered.
  const build = () => {
    if (!built) {
      const doc = openApiDocument(routes, version);
      built = { doc, page: docsPage(doc) };
    }
    return built;
  };
  app.decorate('openapi', { routes, document: () => build().doc });

  app.get(
    '/api/openapi.json',
    {
      config: {
        openapi: {
          summary: 'This description of the REST API (OpenAPI 3.1)',
          response: { 200: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) },
        },
      },
    },
    async (_req, reply) => reply.header('cache-control', 'no-cache').send(build().doc),
  );

  app.get(
    '/api/docs',
    {
      config: {
        openapi: {
          summary: 'This description as a page to read',
          response: { 200: { 'text/html': z.string() } },
        },
      },
    },
    async (_req, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(build().page),
  );
}

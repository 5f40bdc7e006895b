import type { FastifyContextConfig, FastifyInstance } from 'fastify';
import type { z } from 'zod';

/** A successful answer: JSON of this schema, no body (null), or a body per media type. */
export type Reply = z.ZodType | null | { [mediaType: string]: z.ZodType };

/**
 * What a route tells the REST API's description about itself, beside its role. The schemas are
 * the ones its handler parses with (`parse(...)` keeps validating: its errors are the API's),
 * and the ones its answers are checked against in the tests.
 */
export type RouteDoc = {
  summary: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The successful answers, by status. */
  response: { [status: number]: Reply };
  /** Security other than the guard's (the session or an API token), e.g. the metrics token. */
  security?: ReadonlyArray<Readonly<Record<string, readonly string[]>>>;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's entry in the OpenAPI description; every route under `/api` needs one. */
    openapi?: RouteDoc;
  }
}

/** A route as Fastify registered it, with what it says about itself. */
export type DescribedRoute = {
  method: string;
  /** Fastify's pattern, e.g. `/api/tickets/:ticketId`. */
  url: string;
  config: FastifyContextConfig;
  doc: RouteDoc;
};

/** Paths every REST route lives under; the rest (static files, the console, the demo) is not the API. */
export const isApi = (url: string) => url.startsWith('/api/');

/**
 * Collects every route as it is registered. Added before any route, so it sees them all. A route
 * under `/api` without a description is refused at start-up, as the guard refuses one that names
 * no role: none is left out of the description by omission.
 */
export function routeCatalogue(app: FastifyInstance): readonly DescribedRoute[] {
  const routes: DescribedRoute[] = [];
  app.addHook('onRoute', (route) => {
    const doc = route.config?.openapi;
    // HEAD mirrors GET, and OPTIONS answers a browser's CORS preflight: neither is an operation of the API.
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter(
      (m) => m !== 'HEAD' && m !== 'OPTIONS',
    );
    if (methods.length === 0) return;
    if (!doc) {
      if (isApi(route.url))
        throw new Error(`${methods.join(',')} ${route.url} has no openapi description in its config`);
      return;
    }
    for (const method of methods) routes.push({ method, url: route.url, config: route.config ?? {}, doc });
  });
  return routes;
}

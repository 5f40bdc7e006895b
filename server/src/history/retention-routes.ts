import { RetentionAnswer, RetentionUpdate, SiteQuery, type RetentionSettings } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { parse } from '../http/parse.ts';
import type { Retention } from './retention.ts';

export type RetentionRouteDeps = { retention: Retention };

/** `/api/retention`: how long a site keeps transcripts and numbers; its admins read and set it. */
export function retentionRoutes(app: FastifyInstance, deps: RetentionRouteDeps, done: (err?: Error) => void): void {
  app.get(
    '/api/retention',
    {
      config: {
        role: 'admin',
        site: 'query',
        openapi: {
          summary: 'How long the site keeps transcripts and numbers',
          query: SiteQuery,
          response: { 200: RetentionAnswer },
        },
      },
    },
    async (req): Promise<{ retention: RetentionSettings }> => {
      const { siteId } = parse(SiteQuery, req.query);
      return { retention: await deps.retention.get(siteId) };
    },
  );

  app.put(
    '/api/retention',
    {
      config: {
        role: 'admin',
        site: 'body',
        openapi: {
          summary: 'Sets how long the site keeps transcripts and numbers',
          body: RetentionUpdate,
          response: { 200: RetentionAnswer },
        },
      },
    },
    async (req): Promise<{ retention: RetentionSettings }> => {
      const { siteId, retention } = parse(RetentionUpdate, req.body);
      return { retention: await deps.retention.set(siteId, retention) };
    },
  );
  done();
}

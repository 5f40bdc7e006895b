import { AttachmentUsage, SiteQuery } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { FileRecords } from '../files/records.ts';
import { parse } from './parse.ts';

/** How much a site keeps in attachments: files and bytes (thumbnails not counted). */
export function attachmentUsageRoutes(
  app: FastifyInstance,
  deps: { records: FileRecords },
  done: (err?: Error) => void,
): void {
  app.get(
    '/api/attachments/usage',
    {
      config: {
        role: 'supervisor',
        site: 'query',
        openapi: {
          summary: 'Files a site stores, and their bytes',
          query: SiteQuery,
          response: { 200: AttachmentUsage },
        },
      },
    },
    async (req): Promise<AttachmentUsage> => deps.records.usage(parse(SiteQuery, req.query).siteId),
  );
  done();
}

import {
  CannedParams,
  CannedQuery,
  CannedReplies,
  CannedReplyAnswer,
  CannedReplyInput,
  CascadeError,
} from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { cannedStore } from '../store/canned.ts';
import { parse } from './parse.ts';

/** The id of a shortcut in a language: saving the same pair again replaces the reply. */
const idOf = (shortcut: string, language: string) => `${language}_${shortcut}`;

/** Canned replies: every agent of the site reads them (the composer's `/shortcut`), admins edit them. */
export function cannedRoutes(
  app: FastifyInstance,
  deps: { redis: Redis; keys: Keys },
  done: (err?: Error) => void,
): void {
  const store = cannedStore(deps.redis, deps.keys);

  const list = {
    config: {
      role: 'agent',
      site: 'query',
      openapi: { summary: 'The site’s canned replies', query: CannedQuery, response: { 200: CannedReplies } },
    },
  } as const;
  app.get('/api/canned', list, async (req) => {
    const { siteId } = parse(CannedQuery, req.query);
    return { replies: await store.all(siteId) };
  });

  const save = {
    config: {
      role: 'admin',
      site: 'query',
      openapi: {
        summary: 'Adds a canned reply, or replaces the one with its shortcut and language',
        query: CannedQuery,
        body: CannedReplyInput,
        response: { 200: CannedReplyAnswer },
      },
    },
  } as const;
  app.post('/api/canned', save, async (req) => {
    const { siteId } = parse(CannedQuery, req.query);
    const input = parse(CannedReplyInput, req.body);
    const reply = { id: idOf(input.shortcut, input.language), ...input };
    await store.put(siteId, reply);
    return { reply };
  });

  const remove = {
    config: {
      role: 'admin',
      site: 'query',
      openapi: {
        summary: 'Removes a canned reply',
        params: CannedParams,
        query: CannedQuery,
        response: { 204: null },
      },
    },
  } as const;
  app.delete('/api/canned/:cannedId', remove, async (req, reply) => {
    const { siteId } = parse(CannedQuery, req.query);
    const { cannedId } = parse(CannedParams, req.params);
    if (!(await store.remove(siteId, cannedId))) throw new CascadeError('not_found', 'no such canned reply');
    return reply.status(204).send();
  });
  done();
}

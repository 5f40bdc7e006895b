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
import type { Notifier } from '../waterfall/notifier.ts';

/** The id of a shortcut in a language: saving the same pair again replaces the reply. */
const idOf = (shortcut: string, language: string) => `${language}_${shortcut}`;

export type CannedRoutesDeps = { redis: Redis; keys: Keys; notify: Pick<Notifier, 'toSiteAgents'> };

/**
 * Canned replies: every agent of the site reads them (the composer's `/shortcut`), admins edit
 * them, and every change reaches the agents' consoles at once.
 */
export function cannedRoutes(app: FastifyInstance, deps: CannedRoutesDeps, done: (err?: Error) => void): void {
  const store = cannedStore(deps.redis, deps.keys);
  const announce = async (siteId: string) =>
    deps.notify.toSiteAgents(siteId, 'canned:update', { siteId, replies: await store.all(siteId) });

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
    await announce(siteId);
    return { reply };
  });

  const edit = {
    config: {
      role: 'admin',
      site: 'query',
      openapi: {
        summary: 'Changes a canned reply; a new shortcut or language replaces the reply that had them',
        params: CannedParams,
        query: CannedQuery,
        body: CannedReplyInput,
        response: { 200: CannedReplyAnswer },
      },
    },
  } as const;
  app.put('/api/canned/:cannedId', edit, async (req) => {
    const { siteId } = parse(CannedQuery, req.query);
    const { cannedId } = parse(CannedParams, req.params);
    const input = parse(CannedReplyInput, req.body);
    const reply = { id: idOf(input.shortcut, input.language), ...input };
    if (!(await store.replace(siteId, cannedId, reply))) throw new CascadeError('not_found', 'no such canned reply');
    await announce(siteId);
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
    await announce(siteId);
    return reply.status(204).send();
  });
  done();
}

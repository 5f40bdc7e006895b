import { CannedParams, CannedQuery, CannedReplyInput, CascadeError } from '@cascade/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { cannedStore } from '../store/canned.ts';
import { requireRole } from './access.ts';
import type { Authed } from './auth.ts';
import { parse } from './parse.ts';

/** The id of a shortcut in a language: saving the same pair again replaces the reply. */
const idOf = (shortcut: string, language: string) => `${language}_${shortcut}`;

/** Canned replies: every agent of the site reads them (the composer's `/shortcut`), admins edit them. */
export function cannedRoutes(
  app: FastifyInstance,
  deps: { redis: Redis; keys: Keys; authed: (req: FastifyRequest) => Promise<Authed> },
) {
  const store = cannedStore(deps.redis, deps.keys);

  app.get('/api/canned', async (req) => {
    const { agent } = await deps.authed(req);
    const { siteId } = parse(CannedQuery, req.query);
    requireRole(agent, siteId, 'agent');
    return { replies: await store.all(siteId) };
  });

  app.post('/api/canned', async (req) => {
    const { agent } = await deps.authed(req);
    const { siteId } = parse(CannedQuery, req.query);
    requireRole(agent, siteId, 'admin');
    const input = parse(CannedReplyInput, req.body);
    const reply = { id: idOf(input.shortcut, input.language), ...input };
    await store.put(siteId, reply);
    return { reply };
  });

  app.delete('/api/canned/:cannedId', async (req, reply) => {
    const { agent } = await deps.authed(req);
    const { siteId } = parse(CannedQuery, req.query);
    const { cannedId } = parse(CannedParams, req.params);
    requireRole(agent, siteId, 'admin');
    if (!(await store.remove(siteId, cannedId))) throw new CascadeError('not_found', 'no such canned reply');
    return reply.status(204).send();
  });
}

import { CascadeError, KbEntryParams, KbPhrasingAdd, KbPhrasingAdded } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { BotService } from '../bot/service.ts';
import type { KbStore } from '../store/kb.ts';
import { addPhrasing } from '../kb/add-phrasing.ts';
import { checkKbLimits } from '../kb/limits.ts';
import { parse } from './parse.ts';

/**
 * One more phrasing for an existing entry: what "What the bot missed" teaches, so supervisors may
 * do it without the admin's whole-entry edit. It writes and re-indexes as that edit does, so every
 * process rebuilds the bot and its thresholds; the audit trail records it like any other change.
 */
export function kbPhrasingRoutes(
  app: FastifyInstance,
  deps: { kb: KbStore; bots: BotService },
  done: (err?: Error) => void,
): void {
  const add = {
    config: {
      role: 'supervisor',
      site: 'body',
      openapi: {
        summary: 'Adds one phrasing to an entry; `added` is false when the entry already had it',
        params: KbEntryParams,
        body: KbPhrasingAdd,
        response: { 200: KbPhrasingAdded },
      },
    },
  } as const;
  app.post('/api/kb/:entryId/phrasings', add, async (req): Promise<KbPhrasingAdded> => {
    const body = parse(KbPhrasingAdd, req.body);
    const { entryId } = parse(KbEntryParams, req.params);
    const entry = await deps.kb.get(body.siteId, entryId);
    if (!entry) throw new CascadeError('not_found', 'no such entry');
    const updated = addPhrasing(entry, body.text, body.language, Date.now());
    if (!updated) return { entry, added: false };
    await checkKbLimits(await deps.kb.raw(body.siteId), [updated]);
    deps.bots.invalidate(body.siteId, (await deps.kb.put(body.siteId, [updated])) ?? undefined);
    return { entry: updated, added: true };
  });
  done();
}

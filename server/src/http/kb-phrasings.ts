import { CascadeError, KbEntry, KbEntryParams, KbPhrasingAdd, KbPhrasingAdded } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { BotService } from '../bot/service.ts';
import type { KbStore } from '../store/kb.ts';
import { addPhrasing } from '../kb/add-phrasing.ts';
import { checkKbLimits } from '../kb/limits.ts';
import { parse } from './parse.ts';

/**
 * Tries at a write raced by other changes of the same entry before the caller is told to retry:
 * each round one racer wins, so this many clicks on one entry at once all land.
 */
const SWAP_ATTEMPTS = 20;

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
    // Two phrasings added at once both start from one read: the later write retries on the new entry.
    for (let attempt = 0; attempt < SWAP_ATTEMPTS; attempt++) {
      const raw = await deps.kb.rawOne(body.siteId, entryId);
      if (raw === null) throw new CascadeError('not_found', 'no such entry');
      const entry = KbEntry.parse(JSON.parse(raw));
      const updated = addPhrasing(entry, body.text, body.language, Date.now());
      if (!updated) return { entry, added: false };
      await checkKbLimits(await deps.kb.raw(body.siteId), [updated]);
      const change = await deps.kb.swap(body.siteId, raw, updated);
      if (change === null) continue;
      deps.bots.invalidate(body.siteId, change);
      return { entry: updated, added: true };
    }
    throw new CascadeError('conflict', 'the entry kept changing; try again');
  });
  done();
}

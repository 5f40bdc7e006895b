import type { KbPhrasingAdd, KbPhrasingAdded, MissedGroups } from '@cascade/shared';
import type { DayRange } from '../logic/history-query.ts';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

/** The questions the bot did not answer outright in a range, grouped. */
export function listMissed(siteId: string, range: DayRange): Promise<MissedGroups> {
  return requestJson('GET', `/api/kb/missed${siteQuery(siteId, { from: range.from, to: range.to })}`);
}

/** One more phrasing for an entry: a supervisor's call, which re-indexes the bot like an edit. */
export function addPhrasing(entryId: string, body: KbPhrasingAdd, csrf: string): Promise<KbPhrasingAdded> {
  return requestJson('POST', `/api/kb/${encodeURIComponent(entryId)}/phrasings`, { body, csrf });
}

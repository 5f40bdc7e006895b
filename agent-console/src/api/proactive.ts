import type { ProactiveCounts } from '@cascade/shared';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

/** Invitations shown, opened and chatted from, per rule, since the site's first. */
export function getProactiveCounts(siteId: string): Promise<ProactiveCounts> {
  return requestJson<ProactiveCounts>('GET', `/api/sites/proactive/counts${siteQuery(siteId)}`);
}

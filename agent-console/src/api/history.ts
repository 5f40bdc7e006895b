import type {
  AuditEntry,
  ConversationSearchResult,
  ConversationTranscript,
  HistorySummary,
  NpsComment,
} from '@cascade/shared';
import { conversationQuery, type ConversationFilter, type DayRange } from '../logic/history-query.ts';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

/** Ended conversations of one site that match the filter, newest first. */
export function searchConversations(siteId: string, filter: ConversationFilter): Promise<ConversationSearchResult> {
  return requestJson('GET', `/api/conversations?${conversationQuery(siteId, filter)}`);
}

/** A conversation with its whole transcript: from Redis while live, from PostgreSQL once archived. */
export function getConversation(conversationId: string): Promise<ConversationTranscript> {
  return requestJson('GET', `/api/conversations/${encodeURIComponent(conversationId)}`);
}

export async function addTag(conversationId: string, tag: string, csrf: string): Promise<string[]> {
  const { tags } = await requestJson<{ tags: string[] }>(
    'POST',
    `/api/conversations/${encodeURIComponent(conversationId)}/tags`,
    { body: { tag }, csrf },
  );
  return tags;
}

export async function removeTag(conversationId: string, tag: string, csrf: string): Promise<string[]> {
  const { tags } = await requestJson<{ tags: string[] }>(
    'DELETE',
    `/api/conversations/${encodeURIComponent(conversationId)}/tags/${encodeURIComponent(tag)}`,
    { csrf },
  );
  return tags;
}

/** The numbers of the conversations started in the range (supervisors and admins). */
export function historySummary(siteId: string, range: DayRange): Promise<HistorySummary> {
  return requestJson('GET', `/api/history/summary${siteQuery(siteId, range)}`);
}

/** The range's latest NPS answers that came with a comment, newest first (supervisors and admins). */
export async function npsComments(siteId: string, range: DayRange): Promise<NpsComment[]> {
  const { comments } = await requestJson<{ comments: NpsComment[] }>(
    'GET',
    `/api/history/nps-comments${siteQuery(siteId, range)}`,
  );
  return comments;
}

/** The CSV exports of a range: one row per conversation, per agent or per tag. */
export type HistoryCsv = 'conversations' | 'agents' | 'tags';

/** The address of one of the range's CSV exports; the session cookie rides along with the link. */
export function historyCsvHref(kind: HistoryCsv, siteId: string, range: DayRange): string {
  return `/api/history/${kind}.csv${siteQuery(siteId, range)}`;
}

/** One page of the site's audit log, newest first; `before` is the id to page back from. */
export async function listAudit(siteId: string, before: number | null, limit: number): Promise<AuditEntry[]> {
  const { entries } = await requestJson<{ entries: AuditEntry[] }>(
    'GET',
    `/api/audit${siteQuery(siteId, { before: before ?? undefined, limit })}`,
  );
  return entries;
}

import type { BotDecision, KbEntry, KbEntryInput, Locale } from '@cascade/shared';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

export async function listKb(siteId: string, q: string): Promise<KbEntry[]> {
  const { entries } = await requestJson<{ entries: KbEntry[] }>('GET', `/api/kb${siteQuery(siteId, { q: q.trim() })}`);
  return entries;
}

export async function createKb(siteId: string, input: KbEntryInput, csrf: string): Promise<KbEntry> {
  const { entry } = await requestJson<{ entry: KbEntry }>('POST', `/api/kb${siteQuery(siteId)}`, { body: input, csrf });
  return entry;
}

export async function updateKb(siteId: string, entryId: string, input: KbEntryInput, csrf: string): Promise<KbEntry> {
  const path = `/api/kb/${encodeURIComponent(entryId)}${siteQuery(siteId)}`;
  const { entry } = await requestJson<{ entry: KbEntry }>('PUT', path, { body: input, csrf });
  return entry;
}

export async function deleteKb(siteId: string, entryId: string, csrf: string): Promise<void> {
  await requestJson('DELETE', `/api/kb/${encodeURIComponent(entryId)}${siteQuery(siteId)}`, { csrf });
}

export async function importKb(
  siteId: string,
  file: { format: 'json'; data: unknown[] } | { format: 'csv'; data: string },
  replace: boolean,
  csrf: string,
): Promise<number> {
  const body = { siteId, format: file.format, data: file.data, replace };
  const { imported } = await requestJson<{ imported: number }>('POST', '/api/kb/import', { body, csrf });
  return imported;
}

/** A plain link downloads the export: the server names the file and the session cookie rides along. */
export function exportKbHref(siteId: string, format: 'json' | 'csv'): string {
  return `/api/kb/export${siteQuery(siteId, { format })}`;
}

export async function tryBot(siteId: string, text: string, locale: Locale, csrf: string): Promise<BotDecision> {
  const { decision } = await requestJson<{ decision: BotDecision }>('POST', '/api/kb/try', {
    body: { siteId, text, locale },
    csrf,
  });
  return decision;
}

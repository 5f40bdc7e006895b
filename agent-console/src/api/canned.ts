import type { CannedReply, CannedReplyInput } from '@cascade/shared';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

export async function listCanned(siteId: string): Promise<CannedReply[]> {
  const { replies } = await requestJson<{ replies: CannedReply[] }>('GET', `/api/canned${siteQuery(siteId)}`);
  return replies;
}

/** Saves a reply; one with the same shortcut and language is replaced. */
export async function saveCanned(siteId: string, input: CannedReplyInput, csrf: string): Promise<CannedReply> {
  const { reply } = await requestJson<{ reply: CannedReply }>('POST', `/api/canned${siteQuery(siteId)}`, {
    body: input,
    csrf,
  });
  return reply;
}

/** Changes the reply `id`; a new shortcut or language gives it a new id. */
export async function updateCanned(
  siteId: string,
  id: string,
  input: CannedReplyInput,
  csrf: string,
): Promise<CannedReply> {
  const { reply } = await requestJson<{ reply: CannedReply }>(
    'PUT',
    `/api/canned/${encodeURIComponent(id)}${siteQuery(siteId)}`,
    { body: input, csrf },
  );
  return reply;
}

export async function deleteCanned(siteId: string, id: string, csrf: string): Promise<void> {
  await requestJson('DELETE', `/api/canned/${encodeURIComponent(id)}${siteQuery(siteId)}`, { csrf });
}

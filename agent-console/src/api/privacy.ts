import type {
  ErasureCounts,
  ErasureResult,
  FoundVisitor,
  RetentionSettings,
  VisitorExport,
  VisitorLookup,
} from '@cascade/shared';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

export interface Erasure {
  id: number;
  actorId: string | null;
  erased: ErasureCounts;
  at: number;
}

export async function findVisitors(lookup: VisitorLookup, csrf: string): Promise<FoundVisitor[]> {
  const { visitors } = await requestJson<{ visitors: FoundVisitor[] }>('POST', '/api/privacy/find', {
    body: lookup,
    csrf,
  });
  return visitors;
}

export function exportVisitor(lookup: VisitorLookup, csrf: string): Promise<VisitorExport> {
  return requestJson('POST', '/api/privacy/export', { body: lookup, csrf });
}

export function eraseVisitor(lookup: VisitorLookup, csrf: string): Promise<ErasureResult> {
  return requestJson('POST', '/api/privacy/erase', { body: lookup, csrf });
}

export async function listErasures(siteId: string): Promise<Erasure[]> {
  const { erasures } = await requestJson<{ erasures: Erasure[] }>('GET', `/api/privacy/erasures${siteQuery(siteId)}`);
  return erasures;
}

export async function getRetention(siteId: string): Promise<RetentionSettings> {
  const { retention } = await requestJson<{ retention: RetentionSettings }>(
    'GET',
    `/api/retention${siteQuery(siteId)}`,
  );
  return retention;
}

export async function setRetention(
  siteId: string,
  retention: RetentionSettings,
  csrf: string,
): Promise<RetentionSettings> {
  const { retention: saved } = await requestJson<{ retention: RetentionSettings }>('PUT', '/api/retention', {
    body: { siteId, retention },
    csrf,
  });
  return saved;
}

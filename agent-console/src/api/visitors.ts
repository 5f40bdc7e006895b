import type { VisitorRevoked } from '@cascade/shared';
import { requestJson } from './http.ts';

/** Revokes every token of a visitor (supervisors and admins): they come back as a new visitor. */
export function revokeVisitor(siteId: string, visitorId: string, csrf: string): Promise<VisitorRevoked> {
  return requestJson('POST', `/api/visitors/${encodeURIComponent(visitorId)}/revoke`, { body: { siteId }, csrf });
}

import type { InvitationAccepted } from '@cascade/shared';
import { requestJson } from './http.ts';

/** Joins the site the signed-in agent was invited to. */
export function acceptInvitation(code: string, csrf: string): Promise<InvitationAccepted> {
  return requestJson('POST', '/api/invitations/accept', { body: { code }, csrf });
}

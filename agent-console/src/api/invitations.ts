import type {
  InvitationAccepted,
  InvitationJoin,
  InvitationPreview,
  InvitationSent,
  InviteBody,
  PendingInvitation,
} from '@cascade/shared';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

/** Joins the site the signed-in agent was invited to. */
export function acceptInvitation(code: string, csrf: string): Promise<InvitationAccepted> {
  return requestJson('POST', '/api/invitations/accept', { body: { code }, csrf });
}

/** What an invitation link offers (the site and the role), without a session. */
export function previewInvitation(code: string): Promise<InvitationPreview> {
  return requestJson<InvitationPreview>('GET', `/api/invitations/preview/${encodeURIComponent(code)}`);
}

/** A new person takes the invitation with their name and password; the answer signs them in. */
export function joinWithInvitation(body: InvitationJoin): Promise<InvitationAccepted> {
  return requestJson<InvitationAccepted>('POST', '/api/invitations/join', { body });
}

export async function listInvitations(siteId: string): Promise<PendingInvitation[]> {
  return (await requestJson<{ invitations: PendingInvitation[] }>('GET', `/api/invitations${siteQuery(siteId)}`))
    .invitations;
}

export function invite(body: InviteBody, csrf: string): Promise<InvitationSent> {
  return requestJson<InvitationSent>('POST', '/api/invitations', { body, csrf });
}

/** A new link replaces the old one, which stops working. */
export function resendInvitation(siteId: string, id: string, csrf: string): Promise<InvitationSent> {
  return requestJson<InvitationSent>('POST', `/api/invitations/${id}/resend`, { body: { siteId }, csrf });
}

export async function revokeInvitation(siteId: string, id: string, csrf: string): Promise<void> {
  await requestJson<unknown>('DELETE', `/api/invitations/${id}${siteQuery(siteId)}`, { csrf });
}

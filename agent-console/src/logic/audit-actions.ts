/**
 * The audit log names a change by its route (`POST /api/conversations/:conversationId/tags`);
 * the console says it in words. A route not listed here shows as written.
 */
export const auditActions = {
  'POST /api/conversations/:conversationId/tags': 'tagAdded',
  'DELETE /api/conversations/:conversationId/tags/:tag': 'tagRemoved',
  'PATCH /api/sites/settings': 'settings',
  'POST /api/sites': 'siteCreated',
  'POST /api/sites/remove': 'siteRemoved',
  'POST /api/sites/key/rotate': 'keyRotated',
  'POST /api/sites/secrets/rotate': 'secretRotated',
  'POST /api/agents': 'agentAdded',
  'PATCH /api/agents/:agentId': 'agentChanged',
  'DELETE /api/agents/:agentId': 'agentRemoved',
  'POST /api/agents/:agentId/password-reset': 'passwordReset',
  'POST /api/invitations': 'invited',
  'DELETE /api/invitations/:id': 'invitationRevoked',
  'POST /api/kb': 'kbAdded',
  'PUT /api/kb/:entryId': 'kbChanged',
  'DELETE /api/kb/:entryId': 'kbRemoved',
  'POST /api/kb/import': 'kbImported',
  'POST /api/canned': 'cannedSaved',
  'DELETE /api/canned/:cannedId': 'cannedRemoved',
  'POST /api/integrations/tokens': 'tokenCreated',
  'DELETE /api/integrations/tokens/:tokenId': 'tokenRevoked',
  'PATCH /api/tickets/:ticketId': 'ticketChanged',
  'POST /api/tickets/:ticketId/replies': 'ticketReplied',
  'POST /api/tickets/:ticketId/held/:heldId': 'heldEmailDecided',
  'POST /api/visitors/:visitorId/revoke': 'visitorRevoked',
  'POST /api/privacy/find': 'privacyFind',
  'POST /api/privacy/export': 'privacyExport',
  'POST /api/privacy/erase': 'privacyErase',
  'PUT /api/retention': 'retention',
} as const;

export type AuditAction = (typeof auditActions)[keyof typeof auditActions];

export function auditAction(action: string): AuditAction | null {
  return Object.hasOwn(auditActions, action) ? auditActions[action as keyof typeof auditActions] : null;
}

/** The ids a change named (`conversationId: c_1`), in a stable order, for one line of text. */
export function auditTargets(target: Readonly<Record<string, string>>): string[] {
  return Object.keys(target)
    .sort()
    .map((key) => `${key}: ${target[key] ?? ''}`);
}

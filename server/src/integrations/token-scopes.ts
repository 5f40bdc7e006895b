import type { TokenScope } from '@cascade/shared';

/**
 * The REST routes an API token may call, by method and route pattern, with the scope each
 * needs. Anything not listed (accounts, settings, tokens themselves) is for people only.
 */
const routeScopes: Record<string, TokenScope> = {
  'GET /api/tickets': 'tickets:read',
  'GET /api/tickets/:ticketId': 'tickets:read',
  'PATCH /api/tickets/:ticketId': 'tickets:write',
  'POST /api/tickets/:ticketId/replies': 'tickets:write',
  'GET /api/conversations': 'conversations:read',
  'GET /api/conversations/:conversationId': 'conversations:read',
  'GET /api/kb': 'kb:write',
  'GET /api/kb/export': 'kb:write',
  'POST /api/kb': 'kb:write',
  'PUT /api/kb/:entryId': 'kb:write',
  'DELETE /api/kb/:entryId': 'kb:write',
  'POST /api/kb/import': 'kb:write',
  'GET /api/metrics/summary': 'metrics:read',
};

/** The scope a route needs from a token, or null when no token may call it. */
export function scopeFor(method: string, route: string | undefined): TokenScope | null {
  return (route && routeScopes[`${method === 'HEAD' ? 'GET' : method} ${route}`]) || null;
}

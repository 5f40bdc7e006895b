import { CascadeError, type Agent, type ApiToken } from '@cascade/shared';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../http/guard.ts';
import { scopeFor } from './token-scopes.ts';
import type { TokenStore } from './token-store.ts';

/**
 * A token acts as an admin of its one site, but only on the routes its scopes open
 * (token-scopes.ts): every route's own site checks then keep it inside its site.
 */
function tokenAgent(token: ApiToken): Agent {
  return {
    id: `token-${token.id}`,
    email: `token-${token.id}@tokens.invalid`,
    name: token.name,
    locale: 'en',
    avatarUrl: null,
    active: true,
    memberships: [{ siteId: token.siteId, role: 'admin', skills: [], maxChats: null }],
    createdAt: token.createdAt,
  };
}

/**
 * `Authorization: Bearer <token>` to the caller it stands for; null when the request has no
 * bearer token (then the session cookie decides). No CSRF header is asked: a browser never
 * adds this header by itself, so a forged cross-site request cannot carry it.
 */
export function bearerAuth(tokens: TokenStore) {
  return async function bearer(req: FastifyRequest): Promise<Caller | null> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1]) return null;
    const token = await tokens.bySecret(match[1]);
    if (!token) throw new CascadeError('unauthorized', 'this API token is not valid: it was revoked or mistyped');
    const scope = scopeFor(req.method, req.routeOptions.url);
    if (!scope) throw new CascadeError('forbidden', 'API tokens cannot call this route');
    if (!token.scopes.includes(scope)) throw new CascadeError('forbidden', `this token lacks the ${scope} scope`);
    const now = Date.now();
    await tokens.used(token, now);
    const agent = tokenAgent(token);
    return { agent, session: { id: `token-${token.id}`, agentId: agent.id, csrfToken: '' } };
  };
}

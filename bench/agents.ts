import { createHash } from 'node:crypto';
import type { Cascade } from '@cascade/server';
import type { Locale } from '@cascade/shared';

/**
 * A level-1 general agent of the site, made straight through the stores (no password to hash),
 * with a session: the cookie its console socket sends. Its languages make every claim weigh
 * the visitor's language, as a site that names them does. Its id has the shape of those the
 * console gives (32 hex digits): room names follow from ids, and the sharded Socket.IO adapter
 * takes a 20-character room for a socket id and broadcasts to it on the namespace's channel,
 * which every process reads, so ids of another length would time a path real agents never take.
 */
export async function benchAgent(
  core: Cascade,
  siteId: string,
  handle: string,
  name: string,
  maxChats: number,
  languages: Locale[],
): Promise<string> {
  const id = createHash('sha256').update(handle).digest('hex').slice(0, 32);
  const agent = {
    id,
    email: `${handle}@bench.example`,
    name,
    locale: 'en' as const,
    avatarUrl: null,
    active: true,
    memberships: [{ siteId, role: 'agent' as const, skills: [{ skill: 'general', level: 1 }], maxChats, languages }],
    createdAt: Date.now(),
  };
  await core.agents.save(agent);
  await core.routing.registerAgent(agent);
  return `cascade_session=${(await core.sessions.create(id)).id}`;
}

import type { Cascade } from '@cascade/server';
import type { Locale } from '@cascade/shared';

/**
 * A level-1 general agent of the site, made straight through the stores (no password to hash),
 * with a session: the cookie its console socket sends. Its languages make every claim weigh
 * the visitor's language, as a site that names them does.
 */
export async function benchAgent(
  core: Cascade,
  siteId: string,
  id: string,
  name: string,
  maxChats: number,
  languages: Locale[],
): Promise<string> {
  const agent = {
    id,
    email: `${id}@bench.example`,
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

import type { Cascade } from '@cascade/server';

/**
 * A level-1 general agent of the site, made straight through the stores (no password to hash),
 * with a session: the cookie its console socket sends.
 */
export async function benchAgent(
  core: Cascade,
  siteId: string,
  id: string,
  name: string,
  maxChats: number,
): Promise<string> {
  const agent = {
    id,
    email: `${id}@bench.example`,
    name,
    locale: 'en' as const,
    avatarUrl: null,
    active: true,
    memberships: [{ siteId, role: 'agent' as const, skills: [{ skill: 'general', level: 1 }], maxChats }],
    createdAt: Date.now(),
  };
  await core.agents.save(agent);
  await core.routing.registerAgent(agent);
  return `cascade_session=${(await core.sessions.create(id)).id}`;
}

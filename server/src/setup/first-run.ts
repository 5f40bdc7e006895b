import { randomUUID } from 'node:crypto';
import { CascadeError, type Agent, type SetupBody, type Site } from '@cascade/shared';
import type { HashPassword } from '../auth/password.ts';
import { digest, newLinkToken, takeIfEquals } from '../auth/link-token.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { AgentStore } from '../store/agents.ts';
import type { SiteStore } from '../store/sites.ts';
import type { Routing } from '../routing/routing.ts';
import { createSite } from './sites.ts';

export type FirstRunDeps = {
  redis: Redis;
  keys: Keys;
  agents: AgentStore;
  sites: SiteStore;
  routing: Routing;
  hashPassword: HashPassword;
};
export type Owner = SetupBody['owner'];

/**
 * The first run of an installation with no accounts: whoever holds the token printed at
 * start creates the owner's account and the first site, once. A stranger who finds a fresh
 * server exposed cannot claim it without that token.
 */
export function firstRun(d: FirstRunDeps) {
  const k = d.keys;
  return {
    async hasAccounts(): Promise<boolean> {
      return ((await d.redis.eval(`return redis.call('SCARD', KEYS[1])`, { keys: [k.agents] })) as number) > 0;
    },

    /** A new token for this start, replacing any earlier one; null once an account exists. */
    async issueToken(): Promise<string | null> {
      if (await this.hasAccounts()) return null;
      const token = newLinkToken();
      await d.redis.set(k.setupToken, digest(token));
      return token;
    },

    async tokenValid(token: string): Promise<boolean> {
      return (await d.redis.get(k.setupToken)) === digest(token) && !(await this.hasAccounts());
    },

    /**
     * Creates the owner (admin of the first site, with a password they chose) and the site.
     * `token` null is the command line, which already has the keys to everything.
     */
    async complete(
      token: string | null,
      owner: Owner,
      siteInput: SetupBody['site'],
    ): Promise<{ agent: Agent; site: Site }> {
      if (token !== null && !(await takeIfEquals(d.redis, k.setupToken, digest(token)))) {
        throw new CascadeError(
          'not_found',
          'this setup link has been used or replaced; restart the server for a new one',
        );
      }
      if (await this.hasAccounts()) throw new CascadeError('conflict', 'this installation already has accounts');
      const site = await createSite(d.sites, siteInput);
      const agent: Agent = {
        id: randomUUID().replace(/-/g, ''),
        email: owner.email,
        name: owner.name,
        locale: site.defaultLocale,
        avatarUrl: null,
        active: true,
        memberships: [{ siteId: site.id, role: 'admin', skills: [], maxChats: null }],
        createdAt: Date.now(),
      };
      const hash = await d.hashPassword(owner.password);
      if (!(await d.agents.create(agent, hash))) {
        throw new CascadeError('conflict', 'this email already has an account');
      }
      // The owner chose this password: it is not a one-time one.
      await d.agents.setPasswordHash(agent.id, hash);
      await d.routing.registerAgent(agent);
      await d.redis.del(k.setupToken);
      return { agent, site };
    },
  };
}
export type FirstRun = ReturnType<typeof firstRun>;

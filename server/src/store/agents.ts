import { Agent, AgentStatus, type Agent as AgentT, type AgentStatus as AgentStatusT } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { fromHash, toHash } from '../redis/codec.ts';

export function agentStore(redis: Redis, k: Keys) {
  return {
    async get(id: string): Promise<AgentT | null> {
      const hash = await redis.hGetAll(k.agent(id));
      delete hash.passwordHash;
      return fromHash(Agent, hash);
    },

    /** What a visitor sees of an agent: two fields, not the whole record. */
    async card(id: string): Promise<{ name: string; avatarUrl: string | null } | null> {
      const [name, avatarUrl] = await redis.hmGet(k.agent(id), ['name', 'avatarUrl']);
      if (!name) return null;
      return {
        name: JSON.parse(name) as string,
        avatarUrl: avatarUrl ? (JSON.parse(avatarUrl) as string | null) : null,
      };
    },

    /** The id of the account with this email, even one whose record is still being written. */
    async idByEmail(email: string): Promise<string | null> {
      return redis.get(k.agentByEmail(email));
    },

    async byEmail(email: string): Promise<{ agent: AgentT; passwordHash: string } | null> {
      const id = await redis.get(k.agentByEmail(email));
      if (!id) return null;
      const hash = await redis.hGetAll(k.agent(id));
      const passwordHash = hash.passwordHash ? (JSON.parse(hash.passwordHash) as string) : null;
      delete hash.passwordHash;
      const agent = fromHash(Agent, hash);
      return agent && passwordHash ? { agent, passwordHash } : null;
    },

    /** The argon2id hash of the agent's password, for checking it; null for an unknown agent. */
    async passwordHash(id: string): Promise<string | null> {
      const raw = await redis.hGet(k.agent(id), 'passwordHash');
      return raw ? (JSON.parse(raw) as string) : null;
    },

    /**
     * Sets the password. `oneTime`: someone other than the person chose it (a first or reset
     * password), so the person must replace it and the account joins no other site until then.
     */
    async setPasswordHash(id: string, passwordHash: string, oneTime = false): Promise<void> {
      await redis.hSet(k.agent(id), {
        passwordHash: JSON.stringify(passwordHash),
        passwordOneTime: JSON.stringify(oneTime),
      });
    },

    /** Whether the password was chosen by someone other than the person. */
    async passwordOneTime(id: string): Promise<boolean> {
      return (await redis.hGet(k.agent(id), 'passwordOneTime')) === 'true';
    },

    /**
     * Creates a new account with a one-time password; false when the email already has one. The
     * email key is claimed with SET NX first, so two admins adding the same new email at once
     * cannot both end up holding the account.
     */
    async create(agent: AgentT, passwordHash: string): Promise<boolean> {
      const claimed = await redis.set(k.agentByEmail(agent.email), agent.id, { condition: 'NX' });
      if (claimed !== 'OK') return false;
      await redis.hSet(k.agent(agent.id), toHash({ ...agent, passwordHash, passwordOneTime: true }));
      await redis.sAdd(k.agents, agent.id);
      for (const m of agent.memberships) await redis.sAdd(k.siteMembers(m.siteId), agent.id);
      return true;
    },

    /** Takes the person off one site: their record, the site's member list, their skills and cap there. */
    async removeMembership(agent: AgentT, siteId: string): Promise<AgentT> {
      const next = { ...agent, memberships: agent.memberships.filter((m) => m.siteId !== siteId) };
      await redis.hSet(k.agent(agent.id), toHash({ memberships: next.memberships }));
      await redis
        .multi()
        .sRem(k.siteMembers(siteId), agent.id)
        .del(k.agentSkills(siteId, agent.id))
        .hDel(k.speaks(siteId), agent.id)
        .hDel(k.caps(siteId), agent.id)
        .exec();
      return next;
    },

    async save(agent: AgentT, passwordHash?: string): Promise<void> {
      await redis.hSet(k.agent(agent.id), toHash({ ...agent, passwordHash }));
      await redis.set(k.agentByEmail(agent.email), agent.id);
      await redis.sAdd(k.agents, agent.id);
      for (const m of agent.memberships) await redis.sAdd(k.siteMembers(m.siteId), agent.id);
    },

    async ofSite(siteId: string): Promise<AgentT[]> {
      const ids = await redis.sMembers(k.siteMembers(siteId));
      const agents = await Promise.all(ids.map((id) => this.get(id)));
      return agents
        .filter((a): a is AgentT => a !== null && a.memberships.some((m) => m.siteId === siteId))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    /** The status the agent last chose; a fresh agent is online. */
    async chosenStatus(id: string): Promise<AgentStatusT> {
      const s = await redis.get(k.agentStatus(id));
      return s ? AgentStatus.parse(s) : 'online';
    },

    async setChosenStatus(id: string, status: AgentStatusT): Promise<void> {
      await redis.set(k.agentStatus(id), status);
    },

    /** The agent did something at a console just now (connected, chose a status, worked a chat). */
    async touch(id: string, at = Date.now()): Promise<void> {
      await redis.set(k.agentActiveAt(id), String(at));
    },

    /** When the agent last did something at a console; null when never noted. */
    async activeAt(id: string): Promise<number | null> {
      const at = await redis.get(k.agentActiveAt(id));
      return at === null ? null : Number(at);
    },
  };
}
export type AgentStore = ReturnType<typeof agentStore>;

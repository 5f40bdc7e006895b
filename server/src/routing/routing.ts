import type { Agent, Locale, Site } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { scripts } from '../redis/scripts/index.ts';
import { queueScore } from './score.ts';

/** A chat's line: its skill, or `*` once widened to agents of any skill. */
type Waiting = { id: string; skill: string; level: number; widened: boolean };
/** A chat put in line also says the visitor's language, which the claim prefers in an agent. */
type Enqueued = Waiting & { priority: number; locale: Locale };
export const ANY_SKILL = '*';
const lineSkill = (c: Pick<Waiting, 'skill' | 'widened'>) => (c.widened ? ANY_SKILL : c.skill);

export type Assignment = { conversationId: string; agentId: string };
/** One waiting line: its skill (`*` once widened) and level, and its chats, next first. */
export type WaitingLine = { skill: string; level: number; ids: string[] };

/** Waiting lines, agent capacity and the atomic claim; all state in Redis, in the site's slot. */
export function routing(redis: Redis, k: Keys) {
  return {
    /** Writes an agent's skills, languages and cap for each site they belong to, where the claim script reads them. */
    async registerAgent(agent: Agent): Promise<void> {
      for (const m of agent.memberships) {
        const skillsKey = k.agentSkills(m.siteId, agent.id);
        const languagesKey = k.agentLanguages(m.siteId, agent.id);
        // The set of earlier versions goes: once the agent is in `speaks`, the claim reads only that.
        const tx = redis
          .multi()
          .del(skillsKey)
          .del(languagesKey)
          .hSet(k.speaks(m.siteId), agent.id, (m.languages ?? []).join(' '));
        if (m.skills.length > 0)
          tx.hSet(skillsKey, Object.fromEntries(m.skills.map((s) => [s.skill, String(s.level)])));
        if (m.maxChats === null) tx.hDel(k.caps(m.siteId), agent.id);
        else tx.hSet(k.caps(m.siteId), agent.id, String(m.maxChats));
        await tx.exec();
      }
    },

    async enqueue(siteId: string, c: Enqueued, enqueuedAt: number) {
      const skill = lineSkill(c);
      await redis
        .multi()
        .zAdd(k.queue(siteId, skill, c.level), { score: queueScore(c.priority, enqueuedAt), value: c.id })
        .sAdd(k.queueIndex(siteId), `${skill}:${c.level}`)
        .hSet(k.waitingLanguage(siteId), c.id, c.locale)
        .exec();
    },

    async dequeue(siteId: string, c: Waiting): Promise<boolean> {
      const [removed] = await redis
        .multi()
        .zRem(k.queue(siteId, lineSkill(c), c.level), c.id)
        .hDel(k.waitingLanguage(siteId), c.id)
        .exec();
      return Number(removed) > 0;
    },

    /**
     * One claim: the next chat that can be assigned, and to whom; null when nothing can be.
     * `more` is false when nothing else could be assigned right after it.
     */
    async claimNext(site: Site): Promise<(Assignment & { more: boolean }) | null> {
      const keysList: Parameters<typeof scripts.claim>[1] = [
        k.online(site.id),
        k.load(site.id),
        k.caps(site.id),
        k.assignment(site.id),
        k.agentSkills(site.id, ''),
        k.agentChats(site.id, ''),
        k.queueIndex(site.id),
        k.queuePrefix(site.id),
        k.claims(site.id),
        k.waitingLanguage(site.id),
        k.agentLanguages(site.id, ''),
        k.speaks(site.id),
      ];
      const res = (await scripts.claim(redis, keysList, [Date.now(), site.defaultMaxChats])) as
        [string, string, number] | null;
      return res ? { conversationId: res[0], agentId: res[1], more: res[2] === 1 } : null;
    },

    /** Takes one waiting chat for an agent by hand; says why not when it cannot. */
    async pick(
      siteId: string,
      c: Waiting,
      agentId: string,
      defaultCap: number,
    ): Promise<'ok' | 'gone' | 'skill' | 'full'> {
      const res = await scripts.pick(
        redis,
        [
          k.queue(siteId, lineSkill(c), c.level),
          k.load(siteId),
          k.caps(siteId),
          k.assignment(siteId),
          k.agentSkills(siteId, agentId),
          k.agentChats(siteId, agentId),
          k.online(siteId),
          k.claims(siteId),
        ],
        [c.id, agentId, lineSkill(c), c.level, defaultCap, Date.now()],
      );
      if (res !== 1) return res as 'gone' | 'skill' | 'full';
      await redis.hDel(k.waitingLanguage(siteId), c.id);
      return 'ok';
    },

    /** Moves an assigned chat's slot from one agent to another; says why not when it cannot. */
    async reassign(
      siteId: string,
      conversationId: string,
      from: string,
      to: string,
      defaultCap: number,
    ): Promise<'ok' | 'moved' | 'same' | 'full'> {
      const res = await scripts.reassign(
        redis,
        [k.assignment(siteId), k.load(siteId), k.caps(siteId), k.agentChats(siteId, from), k.agentChats(siteId, to)],
        [conversationId, from, to, defaultCap],
      );
      return res === 1 ? 'ok' : (res as 'moved' | 'same' | 'full');
    },

    async release(siteId: string, conversationId: string, agentId: string): Promise<boolean> {
      const n = await scripts.release(
        redis,
        [k.assignment(siteId), k.load(siteId), k.agentChats(siteId, agentId), k.online(siteId), k.claims(siteId)],
        [conversationId, agentId, Date.now()],
      );
      return n === 1;
    },

    /** The claim is written to its conversation: it no longer needs the repair's eye. */
    async claimWritten(siteId: string, conversationId: string): Promise<void> {
      await redis.zRem(k.claims(siteId), conversationId);
    },

    /** Claims older than `before` that their conversation does not show yet (their claimer may have died). */
    async claimsBefore(siteId: string, before: number): Promise<string[]> {
      return redis.zRangeByScore(k.claims(siteId), '-inf', before);
    },

    async isClaimPending(siteId: string, conversationId: string): Promise<boolean> {
      return (await redis.zScore(k.claims(siteId), conversationId)) !== null;
    },

    /** Puts a waiting chat back at the front of its line if it is in no line and nobody's; true when it was lost. */
    async requeueIfLost(siteId: string, c: Waiting & { queuedAt: number | null }): Promise<boolean> {
      const skill = lineSkill(c);
      const res = await scripts.requeue(
        redis,
        [k.assignment(siteId), k.queue(siteId, skill, c.level), k.queueIndex(siteId)],
        [c.id, queueScore(10, c.queuedAt ?? Date.now()), `${skill}:${c.level}`],
      );
      return res === 1;
    },

    /** Takes a chat out of every line it could be in (its skill's and the widened one). */
    async dequeueEverywhere(siteId: string, c: Waiting): Promise<void> {
      await Promise.all([
        redis.zRem(k.queue(siteId, c.skill, c.level), c.id),
        redis.zRem(k.queue(siteId, ANY_SKILL, c.level), c.id),
        redis.hDel(k.waitingLanguage(siteId), c.id),
      ]);
    },

    /** Makes the slot record say the chat is this agent's, as its state does; true when it did not. */
    async adopt(siteId: string, conversationId: string, agentId: string): Promise<boolean> {
      const res = await scripts.adopt(
        redis,
        [k.assignment(siteId), k.load(siteId), k.agentChats(siteId, ''), k.claims(siteId)],
        [conversationId, agentId],
      );
      return res === 1;
    },

    /** Recomputes every agent's load from the assignments; returns how many agents' loads were wrong. */
    async recount(siteId: string): Promise<number> {
      return Number(await scripts.recount(redis, [k.assignment(siteId), k.load(siteId), k.agentChats(siteId, '')], []));
    },

    /** Every chat held by an agent of the site: conversationId -> agentId. */
    async assignments(siteId: string): Promise<Record<string, string>> {
      return redis.hGetAll(k.assignment(siteId));
    },

    async assignee(siteId: string, conversationId: string): Promise<string | null> {
      return (await redis.hGet(k.assignment(siteId), conversationId)) ?? null;
    },

    async chatsOf(siteId: string, agentId: string): Promise<string[]> {
      return redis.sMembers(k.agentChats(siteId, agentId));
    },

    /** An online agent can be given chats; idle time counts from now unless already online. */
    async setOnline(siteId: string, agentId: string): Promise<void> {
      await redis.zAdd(k.online(siteId), { score: Date.now(), value: agentId }, { condition: 'NX' });
    },

    async setOffline(siteId: string, agentId: string): Promise<void> {
      await redis.zRem(k.online(siteId), agentId);
    },

    async online(siteId: string): Promise<string[]> {
      return redis.zRange(k.online(siteId), 0, -1);
    },

    /** 1-based place in its line, or null when not waiting. */
    async position(siteId: string, c: Waiting): Promise<number | null> {
      const rank = await redis.zRank(k.queue(siteId, lineSkill(c), c.level), c.id);
      return rank === null ? null : rank + 1;
    },

    /** Every waiting line of the site with its chats in order (place = index + 1), in one round trip. */
    async lines(siteId: string): Promise<WaitingLine[]> {
      const reply = (await scripts.waitingLines(redis, [k.queueIndex(siteId), k.queuePrefix(siteId)], [])) as (
        string | number
      )[];
      const lines: WaitingLine[] = [];
      for (let i = 0; i < reply.length;) {
        const [skill = '', level = '1'] = String(reply[i]).split(':');
        const count = Number(reply[i + 1]);
        lines.push({ skill, level: Number(level), ids: reply.slice(i + 2, i + 2 + count).map(String) });
        i += 2 + count;
      }
      return lines;
    },

    async waiting(siteId: string): Promise<string[]> {
      return (await this.lines(siteId)).flatMap((l) => l.ids);
    },

    /** Online agents who could take a chat of this skill and level (ignoring their load). */
    async eligibleOnline(siteId: string, c: Omit<Waiting, 'id'>): Promise<number> {
      return (await this.capacity(siteId, c, 1)).agents;
    },

    /** Eligible agents online and the chats they can hold at once (their caps added up). */
    async capacity(
      siteId: string,
      c: Omit<Waiting, 'id'>,
      defaultCap: number,
    ): Promise<{ agents: number; slots: number }> {
      const [agents = 0, slots = 0] = (await scripts.capacity(
        redis,
        [k.online(siteId), k.caps(siteId), k.agentSkills(siteId, '')],
        [lineSkill(c), c.level, defaultCap],
      )) as number[];
      return { agents, slots };
    },

    /** Remembers how long a chat of this skill took, for the wait estimate (the last 50 count). */
    async recordHandleTime(siteId: string, skill: string, seconds: number): Promise<void> {
      await redis
        .multi()
        .lPush(k.handleTimes(siteId, skill), String(seconds))
        .lTrim(k.handleTimes(siteId, skill), 0, 49)
        .exec();
    },

    async recentHandleTimes(siteId: string, skill: string): Promise<number[]> {
      return (await redis.lRange(k.handleTimes(siteId, skill), 0, -1)).map(Number);
    },
  };
}
export type Routing = ReturnType<typeof routing>;

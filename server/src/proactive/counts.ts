import type { ProactiveCount, ProactiveStep } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';

const steps: readonly ProactiveStep[] = ['shown', 'opened', 'chatted'];

/** Counts of each rule's invitations, one Redis hash per site (`rule:step` -> count). */
export function proactiveCounts(redis: Redis, keys: Keys) {
  return {
    async add(siteId: string, rule: string, step: ProactiveStep): Promise<void> {
      await redis.hIncrBy(keys.proactiveCounts(siteId), `${rule}:${step}`, 1);
    },
    /** Every rule counted so far, or named now, in `names` order first, then the rest by name. */
    async list(siteId: string, names: readonly string[]): Promise<ProactiveCount[]> {
      const raw = await redis.hGetAll(keys.proactiveCounts(siteId));
      const counted = new Set(Object.keys(raw).map((field) => field.slice(0, field.lastIndexOf(':'))));
      const rules = [...names, ...[...counted].filter((n) => !names.includes(n)).sort()];
      return rules.map((rule) => {
        const [shown, opened, chatted] = steps.map((step) => Number(raw[`${rule}:${step}`] ?? 0));
        return { rule, shown: shown ?? 0, opened: opened ?? 0, chatted: chatted ?? 0 };
      });
    },
  };
}
export type ProactiveCounter = ReturnType<typeof proactiveCounts>;

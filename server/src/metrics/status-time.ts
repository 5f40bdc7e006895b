import { ChosenStatus, type StatusTimes } from '@cascade/shared';

/** A span of one agent in one status; `to` is null while it lasts. */
export type StatusSpan = { agentId: string; status: ChosenStatus; from: number; to: number | null };

const zero = (): Record<ChosenStatus, number> => ({ online: 0, away: 0, break: 0, busy: 0 });

/** Seconds per agent and status inside [from, to]: spans are clipped to the period, open ones end at `to`. */
export function statusSeconds(spans: readonly StatusSpan[], from: number, to: number): StatusTimes['agents'] {
  const byAgent = new Map<string, Record<ChosenStatus, number>>();
  for (const s of spans) {
    const ms = Math.min(s.to ?? to, to) - Math.max(s.from, from);
    if (ms <= 0) continue;
    const seconds = byAgent.get(s.agentId) ?? zero();
    seconds[s.status] += ms / 1000;
    byAgent.set(s.agentId, seconds);
  }
  return [...byAgent.entries()]
    .map(([agentId, seconds]) => ({
      agentId,
      seconds: Object.fromEntries(ChosenStatus.options.map((st) => [st, Math.round(seconds[st])])) as Record<
        ChosenStatus,
        number
      >,
    }))
    .sort((a, b) => a.agentId.localeCompare(b.agentId));
}

/** A span as the store writes it ("agentId:status:from:to"), or null when it is not one. */
export function parseSpan(member: string): StatusSpan | null {
  const m = /^(.+):([a-z]+):(\d+):(\d+)$/.exec(member);
  const status = ChosenStatus.safeParse(m?.[2]);
  if (!m?.[1] || !status.success) return null;
  return { agentId: m[1], status: status.data, from: Number(m[3]), to: Number(m[4]) };
}

/** The span an agent is in now ("status:since"), or null. */
export function parseCurrent(agentId: string, value: string): StatusSpan | null {
  const m = /^([a-z]+):(\d+)$/.exec(value);
  const status = ChosenStatus.safeParse(m?.[1]);
  if (!m || !status.success) return null;
  return { agentId, status: status.data, from: Number(m[2]), to: null };
}

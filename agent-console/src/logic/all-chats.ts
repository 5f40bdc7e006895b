import type { AgentRef, ChatRow, SlaClock } from '@cascade/shared';

/** What the all-chats list shows: '' means any. */
export interface ChatFilter {
  state: '' | 'waiting' | 'assigned';
  skill: string;
  agentId: string;
}

export const noFilter: ChatFilter = { state: '', skill: '', agentId: '' };

const isWaiting = (row: ChatRow) => row.conversation.state === 'queued' || row.conversation.state === 'offered_ticket';

export function filterRows(rows: readonly ChatRow[], f: ChatFilter): ChatRow[] {
  return rows.filter(
    (row) =>
      (f.state === '' || (f.state === 'waiting' ? isWaiting(row) : row.conversation.state === 'assigned')) &&
      (f.skill === '' || row.conversation.skill === f.skill) &&
      (f.agentId === '' || row.agent?.id === f.agentId),
  );
}

/** The skills and agents the list holds now, for the filters' choices. */
export function filterChoices(rows: readonly ChatRow[]): { skills: string[]; agents: AgentRef[] } {
  const skills = [...new Set(rows.map((r) => r.conversation.skill))].sort();
  const agents = new Map<string, AgentRef>();
  for (const r of rows) if (r.agent) agents.set(r.agent.id, r.agent);
  return { skills, agents: [...agents.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}

/** The clock that falls due first: the one a supervisor must watch. */
export function nextClock(clocks: readonly SlaClock[]): SlaClock | null {
  return clocks.reduce<SlaClock | null>((first, c) => (first === null || c.dueAt < first.dueAt ? c : first), null);
}

/** Seconds in line, counted on from when the list was received while the chat still waits. */
export function rowWaitSeconds(row: ChatRow, receivedAt: number, now: number): number | null {
  if (row.waitSeconds === null) return null;
  return isWaiting(row) ? row.waitSeconds + Math.max(0, Math.round((now - receivedAt) / 1000)) : row.waitSeconds;
}

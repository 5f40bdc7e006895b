import type { TicketListQuery, TicketStatus } from '@cascade/shared';

/** Who the tickets list shows: anyone's tickets, the viewer's own, or one agent's. */
export type AssigneeFilter = { kind: 'anyone' } | { kind: 'me' } | { kind: 'agent'; agentId: string };

export interface TicketFilter {
  siteId: string | null;
  status: TicketStatus | null;
  skill: string;
  assignee: AssigneeFilter;
  q: string;
  limit: number;
  offset: number;
}

/** The query string of `GET /api/tickets` for a filter; empty choices are left out. */
export function ticketQuery(filter: TicketFilter, myId: string): string {
  const query: Partial<Record<keyof TicketListQuery, string>> = {
    limit: String(filter.limit),
    offset: String(filter.offset),
  };
  if (filter.siteId) query.siteId = filter.siteId;
  if (filter.status) query.status = filter.status;
  if (filter.skill.trim()) query.skill = filter.skill.trim().toLowerCase();
  if (filter.assignee.kind === 'me') query.assigneeId = myId;
  if (filter.assignee.kind === 'agent') query.assigneeId = filter.assignee.agentId;
  if (filter.q.trim()) query.q = filter.q.trim();
  return new URLSearchParams(query).toString();
}

/** The `<select>` value of an assignee filter and back. */
export function assigneeValue(filter: AssigneeFilter): string {
  return filter.kind === 'agent' ? `agent:${filter.agentId}` : filter.kind;
}

export function parseAssignee(value: string): AssigneeFilter {
  if (value === 'me') return { kind: 'me' };
  if (value.startsWith('agent:') && value.length > 'agent:'.length)
    return { kind: 'agent', agentId: value.slice('agent:'.length) };
  return { kind: 'anyone' };
}

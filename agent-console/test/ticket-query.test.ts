import { describe, expect, it } from 'vitest';
import { assigneeValue, parseAssignee, ticketQuery, type TicketFilter } from '../src/logic/ticket-query.ts';

const base: TicketFilter = {
  siteId: null,
  status: null,
  skill: '',
  assignee: { kind: 'anyone' },
  q: '',
  limit: 25,
  offset: 0,
};

describe('ticketQuery', () => {
  it('asks for a page of everything when nothing is chosen', () => {
    expect(ticketQuery(base, 'me1')).toBe('limit=25&offset=0');
  });

  it('names every chosen filter, with "me" standing for the viewer', () => {
    const query = new URLSearchParams(
      ticketQuery(
        {
          ...base,
          siteId: 's1',
          status: 'pending',
          skill: ' Billing ',
          assignee: { kind: 'me' },
          q: ' parcel ',
          offset: 50,
        },
        'me1',
      ),
    );
    expect(Object.fromEntries(query)).toEqual({
      limit: '25',
      offset: '50',
      siteId: 's1',
      status: 'pending',
      skill: 'billing',
      assigneeId: 'me1',
      q: 'parcel',
    });
  });

  it('filters by another agent by id', () => {
    expect(
      new URLSearchParams(ticketQuery({ ...base, assignee: { kind: 'agent', agentId: 'a7' } }, 'me1')).get(
        'assigneeId',
      ),
    ).toBe('a7');
  });
});

describe('assignee filter values', () => {
  it('round-trips through the select value', () => {
    for (const filter of [{ kind: 'anyone' }, { kind: 'me' }, { kind: 'agent', agentId: 'a7' }] as const) {
      expect(parseAssignee(assigneeValue(filter))).toEqual(filter);
    }
  });

  it('treats an unknown value as anyone', () => {
    expect(parseAssignee('agent:')).toEqual({ kind: 'anyone' });
    expect(parseAssignee('bogus')).toEqual({ kind: 'anyone' });
  });
});

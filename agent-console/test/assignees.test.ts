import type { Me } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { assigneeChoices, canAssignOthers } from '../src/logic/assignees.ts';
import { agent } from './fixtures.ts';

const me: Me = {
  agent: agent({ id: 'me', name: 'Sara' }),
  sites: [
    { id: 's1', name: 'Cedar', role: 'supervisor', assignment: 'auto', autoAwaySeconds: null, skillNames: {} },
    { id: 's2', name: 'Oak', role: 'agent', assignment: 'auto', autoAwaySeconds: null, skillNames: {} },
  ],
  csrfToken: 'csrf',
  passwordChangeRequired: false,
  secondFactorSetupRequired: false,
};

describe('assignee choices', () => {
  it('lets supervisors and admins give a ticket to others, agents only take it', () => {
    expect(canAssignOthers(me, 's1')).toBe(true);
    expect(canAssignOthers(me, 's2')).toBe(false);
    expect(canAssignOthers(me, 'elsewhere')).toBe(false);
  });

  it("offers the site's active agents when the viewer can list them", () => {
    const agents = [
      agent({ id: 'me', name: 'Sara' }),
      agent({ id: 'l', name: 'Lina' }),
      agent({ id: 'x', name: 'Gone', active: false }),
    ];
    expect(assigneeChoices(me, null, agents)).toEqual([
      { id: 'me', name: 'Sara' },
      { id: 'l', name: 'Lina' },
    ]);
  });

  it('offers an agent themself, keeping a current assignee they cannot name', () => {
    expect(assigneeChoices(me, null, null)).toEqual([{ id: 'me', name: 'Sara' }]);
    expect(assigneeChoices(me, 'other', null)).toEqual([
      { id: 'me', name: 'Sara' },
      { id: 'other', name: null },
    ]);
  });
});

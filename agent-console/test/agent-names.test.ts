import { describe, expect, it } from 'vitest';
import { agentNames } from '../src/logic/agent-names.ts';

describe('agent names', () => {
  it('knows nobody until the list arrives, so no row is named before it can be', () => {
    expect(agentNames({ data: null, error: null }, { id: 'me', name: 'Sara' })).toBeNull();
  });

  it("names the site's agents and the viewer once the list is in", () => {
    const names = agentNames({ data: [{ id: 'l', name: 'Lina' }], error: null }, { id: 'me', name: 'Sara' });
    expect(names && [...names]).toEqual([
      ['l', 'Lina'],
      ['me', 'Sara'],
    ]);
  });

  it('names only the viewer when the list failed, leaving the rest as another agent', () => {
    const names = agentNames({ data: null, error: 'offline' }, { id: 'me', name: 'Sara' });
    expect(names && [...names]).toEqual([['me', 'Sara']]);
  });
});

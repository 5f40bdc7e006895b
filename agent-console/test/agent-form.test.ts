import { describe, expect, it } from 'vitest';
import { agentForm, createBody, newAgentForm, skillChoices, updateBody } from '../src/logic/agent-form.ts';
import { agent } from './fixtures.ts';

describe('the agent form', () => {
  it('builds the create body with skills at their levels and the site default cap', () => {
    const form = {
      ...newAgentForm('ar'),
      email: ' new@cedar.example ',
      name: ' Noor ',
      levels: { general: 1, billing: 0, returns: 2 },
    };
    expect(createBody(form, 's1')).toEqual({
      ok: true,
      body: {
        siteId: 's1',
        email: 'new@cedar.example',
        name: 'Noor',
        role: 'agent',
        locale: 'ar',
        skills: [
          { skill: 'general', level: 1 },
          { skill: 'returns', level: 2 },
        ],
        maxChats: null,
        languages: ['ar'],
      },
    });
  });

  it('sends the languages the agent answers in only when they changed', () => {
    const a = agent({
      memberships: [{ siteId: 's1', role: 'agent', skills: [], maxChats: null, languages: ['fa'] }],
    });
    const form = agentForm(a, 's1');
    expect(updateBody(a, { ...form, languages: ['fa'] }, 's1')).toEqual({ ok: true, body: { siteId: 's1' } });
    expect(updateBody(a, { ...form, languages: ['fa', 'en'] }, 's1')).toEqual({
      ok: true,
      body: { siteId: 's1', languages: ['en', 'fa'] },
    });
  });

  it('refuses a missing email or name and a cap out of range', () => {
    const form = { ...newAgentForm('en'), email: 'x@y.example', name: 'X' };
    expect(createBody({ ...form, email: '' }, 's1')).toEqual({
      ok: false,
      problem: { field: 'email', kind: 'required' },
    });
    expect(createBody({ ...form, email: 'nope' }, 's1')).toEqual({
      ok: false,
      problem: { field: 'email', kind: 'email' },
    });
    expect(createBody({ ...form, name: ' ' }, 's1')).toEqual({
      ok: false,
      problem: { field: 'name', kind: 'required' },
    });
    expect(createBody({ ...form, maxChats: '0' }, 's1')).toEqual({
      ok: false,
      problem: { field: 'maxChats', kind: 'number' },
    });
  });

  it('updates only what changed on this site', () => {
    const a = agent({
      memberships: [
        { siteId: 's1', role: 'agent', skills: [{ skill: 'general', level: 1 }], maxChats: null },
        { siteId: 's2', role: 'admin', skills: [], maxChats: 9 },
      ],
    });
    const form = agentForm(a, 's1');
    expect(updateBody(a, form, 's1')).toEqual({ ok: true, body: { siteId: 's1' } });
    const changed = { ...form, role: 'supervisor' as const, levels: { general: 2, billing: 1 }, maxChats: '4' };
    expect(updateBody(a, changed, 's1')).toEqual({
      ok: true,
      body: {
        siteId: 's1',
        role: 'supervisor',
        skills: [
          { skill: 'billing', level: 1 },
          { skill: 'general', level: 2 },
        ],
        maxChats: 4,
      },
    });
    expect(
      updateBody(
        agent({ memberships: [{ siteId: 's1', role: 'agent', skills: [], maxChats: 4 }] }),
        { ...form, levels: {}, maxChats: '' },
        's1',
      ),
    ).toEqual({
      ok: true,
      body: { siteId: 's1', maxChats: null },
    });
  });

  it('offers the site’s skills and any skill an agent still holds', () => {
    const a = agent({
      memberships: [
        {
          siteId: 's1',
          role: 'agent',
          skills: [
            { skill: 'legacy', level: 1 },
            { skill: 'general', level: 1 },
          ],
          maxChats: null,
        },
      ],
    });
    expect(skillChoices(['general', 'billing'], [a], 's1')).toEqual(['general', 'billing', 'legacy']);
  });
});

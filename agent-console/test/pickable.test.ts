import { describe, expect, it } from 'vitest';
import { canPick, pickAllowed, transferSkills } from '../src/logic/pickable.ts';
import { agent, conversation } from './fixtures.ts';

describe('canPick', () => {
  const billingL2 = agent({
    memberships: [
      {
        siteId: 's1',
        role: 'agent',
        skills: [
          { skill: 'billing', level: 2 },
          { skill: 'general', level: 1 },
        ],
        maxChats: null,
      },
    ],
  });

  it('allows a waiting chat of a skill the agent holds at that level or above', () => {
    expect(canPick(billingL2, conversation({ state: 'queued', skill: 'billing', level: 1 }))).toBe(true);
    expect(canPick(billingL2, conversation({ state: 'queued', skill: 'billing', level: 2 }))).toBe(true);
  });

  it('refuses a higher level, another skill, another site, or a chat not waiting', () => {
    expect(canPick(billingL2, conversation({ state: 'queued', skill: 'general', level: 2 }))).toBe(false);
    expect(canPick(billingL2, conversation({ state: 'queued', skill: 'tech', level: 1 }))).toBe(false);
    expect(canPick(billingL2, conversation({ state: 'queued', siteId: 's2', skill: 'billing', level: 1 }))).toBe(false);
    expect(canPick(billingL2, conversation({ state: 'assigned', skill: 'billing', level: 1 }))).toBe(false);
  });
});

describe('canPick after widening', () => {
  it('lets any agent at the level take a chat that waited too long', () => {
    const generalL1 = agent();
    expect(canPick(generalL1, conversation({ state: 'queued', skill: 'tech', level: 1, widened: true }))).toBe(true);
    expect(canPick(generalL1, conversation({ state: 'queued', skill: 'tech', level: 2, widened: true }))).toBe(false);
  });
});

describe('transferSkills', () => {
  it("offers the chat's skill, the agent's skills and skills seen waiting, once each, sorted", () => {
    const skills = transferSkills(agent(), conversation({ skill: 'billing' }), ['tech', 'general', 'tech']);
    expect(skills).toEqual(['billing', 'general', 'tech']);
  });
});

describe('pickAllowed', () => {
  const me = (assignment: 'auto' | 'pick') => ({
    agent: agent(),
    sites: [{ id: 's1', name: 'Shop', role: 'agent' as const, assignment, autoAwaySeconds: null, skillNames: {} }],
    csrfToken: 'x',
    passwordChangeRequired: false,
    secondFactorSetupRequired: false,
  });
  it('offers picking only where the site lets agents pick', () => {
    const waiting = conversation({ state: 'queued', skill: 'general', level: 1 });
    expect(pickAllowed(me('pick'), waiting)).toBe(true);
    expect(pickAllowed(me('auto'), waiting)).toBe(false);
  });
});

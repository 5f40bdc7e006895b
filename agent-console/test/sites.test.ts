import { describe, expect, it } from 'vitest';
import { chooseSite, hasRole, neededRole, sectionOf, sectionsFor, type SiteRef } from '../src/logic/sites.ts';

const site = (id: string, role: SiteRef['role']): SiteRef => ({
  id,
  name: id,
  role,
  assignment: 'auto',
  autoAwaySeconds: null,
  skillNames: {},
});

describe('sections by role', () => {
  it('gives agents the inbox, tickets and past conversations, supervisors all chats and the dashboard too, admins everything', () => {
    expect(sectionsFor('agent')).toEqual(['chats', 'tickets', 'conversations']);
    expect(sectionsFor('supervisor')).toEqual([
      'chats',
      'tickets',
      'conversations',
      'supervise',
      'dashboard',
      'missed',
    ]);
    expect(sectionsFor('admin')).toEqual([
      'chats',
      'tickets',
      'conversations',
      'supervise',
      'dashboard',
      'missed',
      'kb',
      'settings',
      'agents',
      'audit',
    ]);
  });

  it('ranks roles', () => {
    expect(hasRole('admin', 'supervisor')).toBe(true);
    expect(hasRole('supervisor', 'admin')).toBe(false);
    expect(neededRole('kb')).toBe('admin');
    expect(neededRole('audit')).toBe('admin');
    expect(neededRole('missed')).toBe('supervisor');
    expect(neededRole('supervise')).toBe('supervisor');
  });

  it('files a ticket page under tickets', () => {
    expect(sectionOf({ view: 'ticket', ticketId: 't1' })).toBe('tickets');
    expect(sectionOf({ view: 'settings' })).toBe('settings');
    expect(sectionOf({ view: 'conversation', conversationId: 'c1' })).toBe('conversations');
  });
});

describe('chooseSite', () => {
  const sites = [site('a', 'agent'), site('b', 'admin'), site('c', 'supervisor')];

  it('keeps the site chosen before', () => {
    expect(chooseSite(sites, 'c')?.id).toBe('c');
  });

  it('otherwise picks the site with the highest role, then the first', () => {
    expect(chooseSite(sites, null)?.id).toBe('b');
    expect(chooseSite(sites, 'gone')?.id).toBe('b');
    expect(chooseSite([site('x', 'agent'), site('y', 'agent')], null)?.id).toBe('x');
  });

  it('has nothing to choose without sites', () => {
    expect(chooseSite([], 'a')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../src/logic/route.ts';

describe('routes', () => {
  it('reads the place from the hash', () => {
    expect(parseRoute('')).toEqual({ view: 'chats' });
    expect(parseRoute('#/chats')).toEqual({ view: 'chats' });
    expect(parseRoute('#/tickets')).toEqual({ view: 'tickets' });
    expect(parseRoute('#/tickets/t_42')).toEqual({ view: 'ticket', ticketId: 't_42' });
    expect(parseRoute('#/dashboard')).toEqual({ view: 'dashboard' });
    expect(parseRoute('#/missed')).toEqual({ view: 'missed' });
    expect(parseRoute('#/kb')).toEqual({ view: 'kb' });
    expect(parseRoute('#/settings')).toEqual({ view: 'settings' });
    expect(parseRoute('#/agents')).toEqual({ view: 'agents' });
    expect(parseRoute('#/conversations')).toEqual({ view: 'conversations' });
    expect(parseRoute('#/conversations/c_42')).toEqual({ view: 'conversation', conversationId: 'c_42' });
    expect(parseRoute('#/audit')).toEqual({ view: 'audit' });
    expect(parseRoute('#/supervise')).toEqual({ view: 'supervise' });
    expect(parseRoute('#/supervise/c_42')).toEqual({ view: 'monitor', conversationId: 'c_42' });
  });

  it('falls back to the chats for anything unknown', () => {
    expect(parseRoute('#/tickets/../../x')).toEqual({ view: 'chats' });
    expect(parseRoute('#/nowhere')).toEqual({ view: 'chats' });
    expect(parseRoute('#/conversations/a/b')).toEqual({ view: 'chats' });
  });

  it('writes back what it reads', () => {
    for (const hash of [
      '#/chats',
      '#/tickets',
      '#/tickets/abc',
      '#/dashboard',
      '#/kb',
      '#/settings',
      '#/agents',
      '#/conversations',
      '#/conversations/c1',
      '#/audit',
    ])
      expect(routeHash(parseRoute(hash))).toBe(hash);
  });
});

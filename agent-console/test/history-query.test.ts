import { describe, expect, it } from 'vitest';
import { auditAction, auditTargets } from '../src/logic/audit-actions.ts';
import {
  conversationQuery,
  dayOf,
  dayRange,
  dayStart,
  highlightParts,
  type ConversationFilter,
} from '../src/logic/history-query.ts';

const filter = (patch: Partial<ConversationFilter> = {}): ConversationFilter => ({
  q: '',
  fromDay: '',
  toDay: '',
  outcome: null,
  agentId: null,
  skill: '',
  level: null,
  rating: null,
  tag: '',
  locale: null,
  limit: 20,
  offset: 0,
  ...patch,
});

describe('the conversations query', () => {
  it('leaves out every empty choice', () => {
    expect(conversationQuery('demo', filter())).toBe('siteId=demo&limit=20&offset=0');
  });

  it('sends words, days as a whole-day range, and lower-cased tags and skills', () => {
    const query = new URLSearchParams(
      conversationQuery(
        'demo',
        filter({
          q: '  cracked leg ',
          fromDay: '2026-03-01',
          toDay: '2026-03-03',
          outcome: 'resolved',
          agentId: 'a1',
          skill: ' Returns',
          tag: 'Refund ',
          locale: 'fa',
          offset: 40,
        }),
      ),
    );
    expect(query.get('q')).toBe('cracked leg');
    expect(Number(query.get('from'))).toBe(new Date(2026, 2, 1).getTime());
    expect(Number(query.get('to'))).toBe(new Date(2026, 2, 4).getTime() - 1);
    expect(query.get('outcome')).toBe('resolved');
    expect(query.get('agentId')).toBe('a1');
    expect(query.get('skill')).toBe('returns');
    expect(query.get('tag')).toBe('refund');
    expect(query.get('locale')).toBe('fa');
    expect(query.get('offset')).toBe('40');
  });
});

describe('days and ranges', () => {
  it('sends the level and the rating when chosen', () => {
    const query = new URLSearchParams(conversationQuery('demo', filter({ level: 2, rating: 5 })));
    expect([query.get('level'), query.get('rating')]).toEqual(['2', '5']);
  });

  it('reads a date input’s day as local midnight, and nothing else', () => {
    expect(dayStart('2026-12-06')).toBe(new Date(2026, 11, 6).getTime());
    expect(dayStart('')).toBeNull();
    expect(dayStart('6/12/2026')).toBeNull();
    expect(dayOf(new Date(2026, 0, 9, 15).getTime())).toBe('2026-01-09');
  });

  it('covers the last 30 days up to the end of today until days are chosen', () => {
    const now = new Date(2026, 11, 6, 15, 30).getTime();
    const { from, to } = dayRange('', '', now);
    expect(to).toBe(new Date(2026, 11, 7).getTime());
    expect(to - from).toBe(30 * 24 * 3600 * 1000);
    expect(dayRange('2026-11-01', '2026-11-30', now)).toEqual({
      from: new Date(2026, 10, 1).getTime(),
      to: new Date(2026, 11, 1).getTime(),
    });
  });
});

describe('highlighting', () => {
  it('marks each word of the search, whatever its case', () => {
    expect(highlightParts('A new Marquetry leg, marquetry glue', 'marquetry')).toEqual([
      { text: 'A new ', hit: false },
      { text: 'Marquetry', hit: true },
      { text: ' leg, ', hit: false },
      { text: 'marquetry', hit: true },
      { text: ' glue', hit: false },
    ]);
    expect(highlightParts('پایه منبت‌کاری', 'منبت')).toEqual([
      { text: 'پایه ', hit: false },
      { text: 'منبت', hit: true },
      { text: '‌کاری', hit: false },
    ]);
  });

  it('treats the search as text, not as a pattern', () => {
    expect(highlightParts('costs (a+b)?', '(a+b)?')).toEqual([
      { text: 'costs ', hit: false },
      { text: '(a+b)?', hit: true },
    ]);
    expect(highlightParts('nothing', '  ')).toEqual([{ text: 'nothing', hit: false }]);
  });
});

describe('audit entries in words', () => {
  it('names known routes and leaves the rest as written', () => {
    expect(auditAction('POST /api/conversations/:conversationId/tags')).toBe('tagAdded');
    expect(auditAction('PUT /api/retention')).toBe('retention');
    expect(auditAction('POST /api/something/new')).toBeNull();
    expect(auditAction('toString')).toBeNull();
  });

  it('lists the ids a change named in a stable order', () => {
    expect(auditTargets({ tag: 'vip', conversationId: 'c1' })).toEqual(['conversationId: c1', 'tag: vip']);
  });
});

import { Conversation } from '@cascade/shared';
import { expect, it } from 'vitest';
import { fromHash, toHash } from '../src/redis/codec.ts';
import { queueScore } from '../src/routing/score.ts';

it('round-trips a record through a Redis hash, nulls and nested values included', () => {
  const c = Conversation.parse({
    id: 'c1',
    siteId: 's1',
    visitorId: 'v1',
    state: 'queued',
    locale: 'fa',
    skill: 'billing',
    level: 2,
    widened: false,
    priority: 1,
    agentId: null,
    ticketId: null,
    ticketNumber: null,
    transfers: 0,
    transferNote: 'note: "quoted"',
    offerReason: null,
    resolvedBy: null,
    csat: { score: 4, comment: null, ts: 5 },
    createdAt: 1,
    updatedAt: 2,
    queuedAt: 3,
    waitingSince: 3,
    assignedAt: null,
    firstResponseAt: null,
    closedAt: null,
  });
  expect(fromHash(Conversation, toHash(c))).toEqual(c);
  expect(fromHash(Conversation, {})).toBeNull();
});

it('orders a waiting line by priority first, then by time', () => {
  expect(queueScore(1, 2_000)).toBeLessThan(queueScore(0, 1_000));
  expect(queueScore(0, 1_000)).toBeLessThan(queueScore(0, 2_000));
  expect(queueScore(10, Date.now())).toBeLessThan(queueScore(9, 0));
});

import { randomUUID } from 'node:crypto';
import type { ChatSummary } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';
import { cascadeForFile } from '../support/stage.ts';
import { leave } from '../support/clients.ts';

let h: Harness;
cascadeForFile((started) => (h = started));

async function askForPerson(locale: string) {
  const visitor = await h.visitor({ locale });
  await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'I was charged twice for one order' });
  const { conversation } = await visitor.ok<{ conversation: { id: string } }>('conversation:escalate', {});
  return { visitor, conversationId: conversation.id };
}

const skills = [
  { skill: 'general', level: 1 },
  { skill: 'billing', level: 1 },
];

describe('language-aware routing', () => {
  it('gives a Persian visitor to the free agent who answers in Persian, though another was idle longer', async () => {
    const english = await h.newAgent({ name: 'English Speaker', skills, languages: ['en'] });
    const persian = await h.newAgent({ name: 'Persian Speaker', skills, languages: ['fa'] });

    const fa = await askForPerson('fa');
    const taken = await persian.next<ChatSummary>('chat:assigned');
    expect(taken.conversation.id).toBe(fa.conversationId);

    const en = await askForPerson('en');
    const second = await english.next<ChatSummary>('chat:assigned');
    expect(second.conversation.id).toBe(en.conversationId);
    await leave(english, persian);
  });

  it('falls back to an agent without the language when nobody who speaks it is free', async () => {
    const english = await h.newAgent({ name: 'Only English', skills, languages: ['en'] });
    const persian = await h.newAgent({ name: 'Busy Persian', skills, languages: ['fa'], maxChats: 1 });

    const first = await askForPerson('fa');
    expect((await persian.next<ChatSummary>('chat:assigned')).conversation.id).toBe(first.conversationId);

    // The Persian speaker is at their cap: the next Persian visitor is not kept waiting for them.
    const second = await askForPerson('fa');
    expect((await english.next<ChatSummary>('chat:assigned')).conversation.id).toBe(second.conversationId);
    await leave(english, persian);
  });

  it('still prefers a speaker whose languages an earlier version stored as a set', async () => {
    const english = await h.newAgent({ name: 'Idle Longest', skills, languages: ['en'] });
    const persian = await h.newAgent({ name: 'Stored Before', skills, languages: [] });
    const { redis, keys } = h.cascade;
    const siteId = h.demo.siteId;
    await redis.hDel(keys.speaks(siteId), persian.agentId);
    await redis.sAdd(keys.agentLanguages(siteId, persian.agentId), 'fa');

    const fa = await askForPerson('fa');
    expect((await persian.next<ChatSummary>('chat:assigned')).conversation.id).toBe(fa.conversationId);
    await leave(english, persian);
  });

  it('routes by the languages an agent sets for themselves, from the next claim on', async () => {
    const english = await h.newAgent({ name: 'Idle Longer', skills, languages: ['en'] });
    const omid = await h.agent('omid@cedar.example');
    const own = restClient(h.url, omid);

    const bad = await own.patch<{ error: { code: string } }>('/api/auth/me', { languages: ['klingon'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_payload');

    const saved = await own.patch<{ agent: { memberships: { languages?: string[] }[] } }>('/api/auth/me', {
      languages: ['fa'],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.agent.memberships.map((m) => m.languages)).toEqual([['fa']]);

    const fa = await askForPerson('fa');
    expect((await omid.next<ChatSummary>('chat:assigned')).conversation.id).toBe(fa.conversationId);
    await leave(english, omid);
  });
});

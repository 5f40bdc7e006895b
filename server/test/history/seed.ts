import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { newConversation, type Conversation, type Message } from '@cascade/shared';
import { loadConfig } from '../../src/config.ts';
import { connectRedis, type Redis } from '../../src/redis/connect.ts';
import { keys, type Keys } from '../../src/redis/keys.ts';
import { conversationStore } from '../../src/store/conversations.ts';
import { messageStore } from '../../src/store/messages.ts';
import { localFileLinks } from '../../src/testing/links.ts';
import { ticketStore } from '../../src/store/tickets.ts';
import { visitorStore } from '../../src/store/visitors.ts';
import { kbStore } from '../../src/store/kb.ts';
import { answerTags } from '../../src/history/answer-tags.ts';
import { journal } from '../../src/waterfall/journal.ts';
import type { Db } from '../../src/history/db.ts';
import type { ArchiveDeps } from '../../src/history/archive.ts';
import { REDIS_URL } from './support.ts';

export type Stores = Omit<ArchiveDeps, 'db'> & {
  redis: Redis;
  keys: Keys;
  /** A plain client for what the store never does (TTLs, scans) and for closing both. */
  raw: ReturnType<typeof createClient>;
  close(): Promise<void>;
};

/** The Redis stores of one key prefix, as the server builds them. */
export async function stores(prefix: string): Promise<Stores> {
  const config = loadConfig({ KEY_PREFIX: prefix, REDIS_URL, HOT_RETENTION_HOURS: '24' });
  const redis = await connectRedis(config, () => {});
  const k = keys(prefix);
  const raw = createClient({ url: REDIS_URL });
  await raw.connect();
  const links = localFileLinks();
  return {
    raw,
    /** Removes the prefix's keys and closes the connections. */
    async close() {
      for await (const batch of raw.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 }))
        if (batch.length > 0) await raw.del(batch);
      await Promise.all([raw.close(), redis.close()]);
    },
    config,
    redis,
    keys: k,
    conversations: conversationStore(redis, k),
    messages: messageStore(redis, k, links.message),
    tickets: ticketStore(redis, k, (a) => links.link(a)),
    visitors: visitorStore(redis, k),
    answerTags: answerTags({ redis, keys: k, kb: kbStore(redis, k) }),
  };
}

export const archiveDeps = (s: Stores, db: Db): ArchiveDeps => ({ ...s, db });

export type Seeded = { conversation: Conversation; messages: Message[]; events: number };

/**
 * An ended conversation in Redis as the waterfall leaves it: a visitor, messages in the stream,
 * entries in the site's event stream (with another conversation's between them), and a ticket
 * when it ended in one. `at` is when it started.
 */
export async function seedEnded(
  s: Stores,
  opts: { siteId: string; texts: string[]; at?: number; ticket?: boolean; email?: string | null },
): Promise<Seeded> {
  const at = opts.at ?? Date.now();
  const id = randomBytes(8).toString('hex');
  const visitorId = `v${id}`;
  await s.visitors.create(
    {
      id: visitorId,
      siteId: opts.siteId,
      name: null,
      email: opts.email ?? null,
      externalId: null,
      verified: false,
      locale: 'en',
      userAgent: null,
      createdAt: at,
    },
    `tok${id}`,
  );
  const c = newConversation({ id: `c${id}`, siteId: opts.siteId, visitorId, locale: 'en', at });
  await s.conversations.create(c);
  const notes = journal(s.redis, s.keys, { oneServer: true });
  await notes.started(opts.siteId, c.id, at);
  await notes.started(opts.siteId, 'someone-else', at);
  const messages: Message[] = [];
  for (const [i, text] of opts.texts.entries()) {
    const { message } = await s.messages.append({
      conversationId: c.id,
      clientMsgId: null,
      author: i % 2 === 0 ? 'visitor' : 'bot',
      agentId: null,
      authorName: null,
      text,
      ts: at + i + 1,
      internal: false,
      bot: null,
      event: null,
      data: null,
    });
    messages.push(message);
  }
  const closedAt = at + opts.texts.length + 1;
  let ended: Conversation = {
    ...c,
    state: opts.ticket ? 'ticketed' : 'resolved',
    closedAt,
    updatedAt: closedAt,
    version: 1,
  };
  if (opts.ticket) {
    const { ticket } = await s.tickets.createOnce({
      id: `t${id}`,
      siteId: opts.siteId,
      conversationId: c.id,
      status: 'open',
      reason: 'no_agent',
      skill: c.skill,
      level: c.level,
      assigneeId: null,
      note: null,
      visitor: { id: visitorId, name: null, email: opts.email ?? null, locale: 'en' },
      transcript: messages,
      pages: [],
      history: [],
      createdAt: closedAt,
      updatedAt: closedAt,
    });
    ended = { ...ended, ticketId: ticket.id, ticketNumber: ticket.number };
  } else ended = { ...ended, resolvedBy: 'bot' };
  await s.conversations.update(c.id, ended);
  await notes.recordEvent(opts.siteId, c.id, 1, {
    event: opts.ticket ? 'ticketed' : 'bot_resolved',
    conversationId: c.id,
    from: 'bot',
    to: ended.state,
    ts: String(closedAt),
  });
  return { conversation: ended, messages, events: 2 };
}

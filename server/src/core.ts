import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import type { Config } from './config.ts';
import { connectPubSub, connectRedis } from './redis/connect.ts';
import { keys } from './redis/keys.ts';
import { agentStore } from './store/agents.ts';
import { invitationStore, type InvitationStore } from './store/invitations.ts';
import { conversationStore } from './store/conversations.ts';
import { kbStore } from './store/kb.ts';
import { messageStore } from './store/messages.ts';
import { sessionStore, type SessionStore } from './store/sessions.ts';
import { siteStore } from './store/sites.ts';
import { ticketStore } from './store/tickets.ts';
import { visitorStore } from './store/visitors.ts';
import { routing } from './routing/routing.ts';
import { botService } from './bot/service.ts';
import { buildPool } from './bot/build-pool.ts';
import { socketNotifier } from './io/rooms.ts';
import { presence } from './io/presence.ts';
import { waterfall, type Waterfall } from './waterfall/service.ts';
import type { WaterfallDeps } from './waterfall/context.ts';
import { domainEvents } from './events.ts';
import { PRESENCE_SWEEP_MS, REPAIR_SWEEP_MS, createQueues } from './jobs/queues.ts';
import { startWorkers, type Workers } from './jobs/workers.ts';
import { processors } from './jobs/processors.ts';
import { deliveries } from './delivery/listener.ts';
import { rateLimiter } from './security/rate-limit.ts';
import { consoleOrigin } from './security/origins.ts';
import { openHistoryDb } from './history/open.ts';
import type { Db } from './history/db.ts';
import { archiver, type Archiver } from './history/archive.ts';
import { RETENTION_SWEEP, RETENTION_SWEEP_MS, archiveOnEnd } from './history/jobs.ts';
import { retention as retentionOf, type Retention } from './history/retention.ts';
import { historyReader } from './history/reader.ts';

/**
 * Heap of the bot's build thread. The largest knowledge base allowed (KB_LIMITS) builds in
 * about a fifth of it (bench/kb-import.ts); a build that outgrows it fails alone.
 */
const BUILD_HEAP_MB = 512;

/** Socket payloads and REST bodies are small JSON; anything larger is refused before parsing. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

export type Log = {
  info: (obj: unknown, msg?: string) => void;
  warn: (obj: unknown, msg?: string) => void;
  error: (obj: unknown, msg?: string) => void;
};

export type Core = WaterfallDeps & {
  io: Server;
  sessions: SessionStore;
  invitations: InvitationStore;
  waterfall: Waterfall;
  workers: Workers | null;
  /** History in PostgreSQL: ended conversations, their messages, events, tickets, visitors. */
  db: Db;
  archive: Archiver;
  retention: Retention;
  close(): Promise<void>;
};

/**
 * Everything but HTTP: Redis, the store, routing, the bot, the waterfall, Socket.IO (with the
 * Redis adapter, so a process without HTTP can still reach every socket) and the job workers.
 */
export async function buildCore(config: Config, log: Log, http?: HttpServer): Promise<Core> {
  const onRedisError = (e: Error) => log.warn({ err: e.message }, 'redis connection problem');
  const db = await openHistoryDb(config, (e) => log.warn({ err: e.message }, 'database connection problem'));
  const redis = await connectRedis(config, onRedisError);
  const [pub, sub, kbSub] = await Promise.all([
    connectPubSub(config, onRedisError),
    connectPubSub(config, onRedisError),
    connectPubSub(config, onRedisError),
  ]);

  const isConsole = consoleOrigin(config);
  const ioOptions: Partial<ServerOptions> = {
    path: '/socket.io',
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    // Credentials (the console's session cookie) only for the console's own origins; the widget,
    // embedded anywhere, gets an answer any origin may read but never with cookies.
    cors: (req, done) => {
      const trusted = isConsole(req.headers.origin, req.headers.host);
      done(null, trusted ? { origin: true, credentials: true } : { origin: '*', credentials: false });
    },
    adapter: createShardedAdapter(pub, sub, { channelPrefix: `${config.KEY_PREFIX}:sio` }),
  };
  const io = http ? new Server(http, ioOptions) : new Server(ioOptions);

  const k = keys(config.KEY_PREFIX);
  const present = presence(redis, io, k, config.PRESENCE_TTL_SECONDS);
  const kb = kbStore(redis, k);
  const queues = createQueues(config);
  // One build thread: concurrent imports take turns, so at most one model is in the making.
  const pool = buildPool({ size: 1, heapMb: BUILD_HEAP_MB });
  const deps: WaterfallDeps = {
    config,
    redis,
    keys: k,
    sites: siteStore(redis, k),
    agents: agentStore(redis, k),
    visitors: visitorStore(redis, k),
    conversations: conversationStore(redis, k),
    messages: messageStore(redis, k),
    tickets: ticketStore(redis, k),
    kb,
    routing: routing(redis, k),
    bots: botService({ kb, pool, log }),
    notify: socketNotifier(io, present, k),
    events: domainEvents((e, event) => log.error({ err: e, event: event.type }, 'domain event listener failed')),
    queues,
    log,
    rates: rateLimiter(redis, config.KEY_PREFIX),
    history: historyReader(db),
  };
  await present.ready();
  const w = waterfall(deps);
  deliveries(deps);
  const archive = archiver({ ...deps, db });
  archiveOnEnd(deps.events, queues);
  const retention = retentionOf({ ...deps, db });
  await kbSub.subscribe(k.kbChannel, (message) => {
    const [siteId = '', change] = message.split(' ');
    deps.bots.invalidate(siteId, change);
  });
  const workers = config.WORKERS ? startWorkers(config, processors(deps, w, archive, retention), log) : null;
  if (workers) {
    // A sweep that fails is not tried again: the next one comes a few seconds later anyway.
    const once = { attempts: 1 };
    await queues.timers.upsertJobScheduler(
      'presence-sweep',
      { every: PRESENCE_SWEEP_MS },
      { name: 'presence-sweep', opts: once },
    );
    await queues.timers.upsertJobScheduler(
      'repair-sweep',
      { every: REPAIR_SWEEP_MS },
      { name: 'repair-sweep', opts: once },
    );
    await queues.history.upsertJobScheduler(
      RETENTION_SWEEP,
      { every: RETENTION_SWEEP_MS },
      { name: RETENTION_SWEEP, opts: { attempts: 5 } },
    );
  }

  return {
    ...deps,
    io,
    sessions: sessionStore(redis, k),
    invitations: invitationStore(redis, k),
    waterfall: w,
    workers,
    db,
    archive,
    retention,
    async close() {
      w.stop();
      present.stop();
      await workers?.close();
      await queues.close();
      await pool.close();
      await Promise.allSettled([kbSub.close(), pub.close(), sub.close()]);
      await redis.close();
      await db.close();
    },
  };
}

import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import type { Config } from './config.ts';
import type { Log } from './log.ts';
import { connectPubSub, connectRedis, type Redis } from './redis/connect.ts';
import { unreadStore, type UnreadStore } from './store/unread.ts';
import { seenReceipts, type SeenReceipts } from './waterfall/seen.ts';
import { keys, type Keys } from './redis/keys.ts';
import { agentStore, type AgentStore } from './store/agents.ts';
import { invitationStore, type InvitationStore } from './store/invitations.ts';
import { conversationStore, type ConversationStore } from './store/conversations.ts';
import { kbStore, type KbStore } from './store/kb.ts';
import { messageStore, type MessageStore } from './store/messages.ts';
import { sessionStore, type SessionStore } from './store/sessions.ts';
import { siteStore, type SiteStore } from './store/sites.ts';
import { ticketStore, type TicketStore } from './store/tickets.ts';
import { visitorStore, type VisitorStore } from './store/visitors.ts';
import { routing as routingOf, type Routing } from './routing/routing.ts';
import { timers, type Timers } from './routing/timers.ts';
import { boardPusher } from './routing/board.ts';
import { statusTime, type StatusTime } from './store/status-time.ts';
import { allChats } from './routing/all-chats.ts';
import { sweepSla } from './routing/sla-sweep.ts';
import { viewerStore } from './store/viewers.ts';
import { listInterest } from './store/list-interest.ts';
import { supervision as supervisionOf, type Supervision } from './waterfall/supervision.ts';
import { viewPort } from './waterfall/view-port.ts';
import { botService, type BotService } from './bot/service.ts';
import { buildPool } from './bot/build-pool.ts';
import { socketNotifier } from './io/rooms.ts';
import { presence, type Presence } from './io/presence.ts';
import { waterfall as waterfallOf, type Waterfall } from './waterfall/service.ts';
import { journal as journalOf } from './waterfall/journal.ts';
import { linesChannel } from './waterfall/lines-channel.ts';
import { repairs } from './waterfall/repair.ts';
import { handBack } from './waterfall/hand-back.ts';
import { visitorActions, type VisitorActions } from './waterfall/visitor-actions.ts';
import { agentActions, type AgentActions } from './waterfall/agent-actions.ts';
import type { Notifier } from './waterfall/notifier.ts';
import { domainEvents, type DomainEvents } from './events.ts';
import { PRESENCE_SWEEP_MS, SLA_SWEEP_MS, createQueues, repairSweepMs, type Queues } from './jobs/queues.ts';
import { startWorkers, type Workers } from './jobs/workers.ts';
import { processors } from './jobs/processors.ts';
import { deliveries } from './delivery/listener.ts';
import { requestTranscript } from './delivery/transcript-request.ts';
import { earlierConversations, type EarlierConversations } from './history/earlier.ts';
import type { Site, Visitor } from '@cascade/shared';
import { rateLimiter, type RateLimiter } from './security/rate-limit.ts';
import { consoleOrigin } from './security/origins.ts';
import { openHistoryDb } from './history/open.ts';
import type { Db } from './history/db.ts';
import { archiver, type Archiver } from './history/archive.ts';
import { RETENTION_SWEEP, RETENTION_SWEEP_MS, archiveOnEnd } from './history/jobs.ts';
import { archiveDue, type ArchiveDue } from './history/archive-due.ts';
import { retention as retentionOf, type Retention } from './history/retention.ts';
import { historyReader, type HistoryReader } from './history/reader.ts';
import { answerTags as answerTagsOf, type AnswerTags } from './history/answer-tags.ts';
import { files as filesOf, type Files } from './files/service.ts';
import { replyAddresses } from './inbound/reply-address.ts';
import { heldEmails } from './inbound/held.ts';
import type { InboundDeps } from './inbound/receive.ts';
import { hashPassword, type HashPassword } from './auth/password.ts';

/**
 * Heap of the bot's build thread. The largest knowledge base allowed (KB_LIMITS) builds in
 * about a fifth of it (bench/kb-import.ts); a build that outgrows it fails alone.
 */
const BUILD_HEAP_MB = 512;

/** Socket payloads and REST bodies are small JSON; anything larger is refused before parsing. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/** What the composition root built: the HTTP layer and the tests take what they need from it. */
export type Core = {
  config: Config;
  redis: Redis;
  keys: Keys;
  io: Server;
  sites: SiteStore;
  agents: AgentStore;
  visitors: VisitorStore;
  conversations: ConversationStore;
  messages: MessageStore;
  tickets: TicketStore;
  unread: UnreadStore;
  seen: SeenReceipts;
  kb: KbStore;
  sessions: SessionStore;
  invitations: InvitationStore;
  routing: Routing;
  /** Time per agent status, for the dashboard. */
  statusTime: StatusTime;
  bots: BotService;
  notify: Notifier;
  /** Who is connected, asked of Redis (io/presence.ts). */
  present: Presence;
  events: DomainEvents;
  queues: Queues;
  clocks: Timers;
  rates: RateLimiter;
  /** Ended conversations once Redis has let them go. */
  history: HistoryReader;
  /** Tags the bot's answers gave live conversations, until the archive takes them. */
  answerTags: AnswerTags;
  /** What taking in replies by email needs (inbound/receive.ts), for the SMTP receiver and the HTTP endpoint. */
  inbound: InboundDeps;
  waterfall: Waterfall;
  visitorActions: VisitorActions;
  agentActions: AgentActions;
  /** All chats, monitoring, take-over and who is looking at a chat. */
  supervision: Supervision;
  /** Puts an agent's chats on a site back in line. */
  handBack: (siteId: string, agentId: string) => Promise<void>;
  requestTranscript: (site: Site, visitor: Visitor, email: string) => Promise<void>;
  /** A returning visitor's earlier conversations, read-only. */
  earlier: EarlierConversations;
  workers: Workers | null;
  /** History in PostgreSQL: ended conversations, their messages, events, tickets, visitors. */
  db: Db;
  /** Attachments: their bytes (disk or S3), records and signed links. */
  files: Files;
  archive: Archiver;
  archiveDue: ArchiveDue;
  retention: Retention;
  /** Hashes a password at the configured cost (PASSWORD_HASH_MEMORY_KIB). */
  hashPassword: HashPassword;
  close(): Promise<void>;
};

/**
 * The one composition root. Every store, queue, timer set and notifier is built here once,
 * and each module gets the dependencies it declares beside itself (its `…Deps` type), so no
 * module reaches for a shared bag and the import graph has no cycles (`pnpm cycles`).
 *
 * Everything but HTTP: Redis, the store, routing, the bot, the waterfall, Socket.IO (with the
 * Redis adapter, so a process without HTTP can still reach every socket) and the job workers.
 */
export async function compose(config: Config, log: Log, http?: HttpServer): Promise<Core> {
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
  const files = await filesOf({ config, redis, secretKey: k.filesSecret, db, log });
  const present = presence(redis, io, k, config.PRESENCE_TTL_SECONDS);
  const kb = kbStore(redis, k);
  const queues = createQueues(config);
  const clocks = timers(queues);
  // One build thread: concurrent imports take turns, so at most one model is in the making.
  const pool = buildPool({ size: 1, heapMb: BUILD_HEAP_MB, nice: config.BOT_BUILD_NICE });
  const sites = siteStore(redis, k);
  const agents = agentStore(redis, k);
  const visitors = visitorStore(redis, k);
  const conversations = conversationStore(redis, k);
  const messages = messageStore(redis, k, files.links.message);
  const tickets = ticketStore(redis, k, (a) => files.links.link(a));
  const unread = unreadStore(redis, k);
  const routing = routingOf(redis, k);
  const statusClock = statusTime(redis, k);
  const bots = botService({ kb, pool, log, freshWaitMs: config.BOT_FRESH_WAIT_MS });
  const notify = socketNotifier(io, present, k);
  const events = domainEvents((e, event) => log.error({ err: e, event: event.type }, 'domain event listener failed'));
  const rates = rateLimiter(redis, config.KEY_PREFIX);
  const history = historyReader(db, files.links.message);
  const listDeps = { sites, routing, conversations, visitors, agents, messages };
  const interest = listInterest(redis, k);
  const boards = boardPusher({
    redis,
    keys: k,
    sites,
    conversations,
    agents,
    notify,
    log,
    chats: (siteId) => allChats(listDeps, siteId),
    chatsWanted: (siteId) => interest.wanted(siteId),
  });
  // Every message and step changes a row of the all-chats list; the pusher batches them.
  events.on((e) => {
    boards.touch(e.conversation.siteId);
    return Promise.resolve();
  });
  await present.ready();

  const lines = linesChannel(redis, k, log);
  const waterfall = waterfallOf({
    config,
    routing,
    agents,
    visitors,
    sites,
    messages,
    tickets,
    conversations,
    notify,
    events,
    log,
    clocks,
    journal: journalOf(redis, k, { oneServer: config.REDIS_CLUSTER_NODES.length === 0 }),
    touchBoard: boards.touch,
    linesMoved: lines.moved,
    unread,
  });
  const repair = repairs({ conversations, routing, afterMs: config.REPAIR_AFTER_MS }, waterfall);
  const outboxDeps = { config, redis, keys: k, queues };
  deliveries({ ...outboxDeps, events, sites, agents, mailLinks: files.mailLinks });
  const answerTags = answerTagsOf({ redis, keys: k, kb });
  const archive = archiver({ config, redis, keys: k, conversations, messages, tickets, visitors, answerTags, db });
  const due = archiveDue({ redis, keys: k, queues, log });
  archiveOnEnd(events, due);
  const retention = retentionOf({ redis, keys: k, visitors, queues, db, files });
  await kbSub.subscribe(k.kbChannel, (message) => {
    const [siteId = '', change] = message.split(' ');
    bots.invalidate(siteId, change);
  });
  await kbSub.subscribe(k.siteChannel, (siteId) => sites.heard(siteId));
  await lines.listen(kbSub, waterfall.linesMovedElsewhere);
  sites.cacheReads();
  const jobs = processors(
    {
      ...outboxDeps,
      mailLinks: files.mailLinks,
      mailFile: files.mailFile,
      sites,
      tickets,
      messages,
      conversations,
      agents,
      visitors,
      routing,
      statusTime: statusClock,
      notify,
      log,
      clocks,
      repair,
      archive,
      archiveDue: due,
      retention,
      sla: (site) => sweepSla({ ...listDeps, redis, keys: k, events }, site),
    },
    waterfall,
  );
  const workers = config.WORKERS ? startWorkers(config, jobs, log) : null;
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
      { every: repairSweepMs(config) },
      { name: 'repair-sweep', opts: once },
    );
    await queues.timers.upsertJobScheduler('sla-sweep', { every: SLA_SWEEP_MS }, { name: 'sla-sweep', opts: once });
    await queues.history.upsertJobScheduler(
      RETENTION_SWEEP,
      { every: RETENTION_SWEEP_MS },
      { name: RETENTION_SWEEP, opts: { attempts: 5 } },
    );
  }
  const views = { routing, agents, visitors, sites, messages };
  const inbound = {
    config,
    redis,
    keys: k,
    rates,
    notify,
    tickets,
    conversations,
    visitors,
    messages,
    agents,
    replies: replyAddresses(redis, k, config.INBOUND_DOMAIN),
    held: heldEmails(redis, k),
    history,
    sites,
    files,
  };

  return {
    config,
    redis,
    keys: k,
    io,
    sites,
    agents,
    visitors,
    conversations,
    messages,
    tickets,
    kb,
    sessions: sessionStore(redis, k),
    unread,
    seen: seenReceipts({ ...views, config, conversations, notify }),
    invitations: invitationStore(redis, k),
    routing,
    statusTime: statusClock,
    bots,
    notify,
    present,
    events,
    queues,
    clocks,
    rates,
    history,
    answerTags,
    inbound,
    waterfall,
    visitorActions: visitorActions(
      {
        ...views,
        config,
        redis,
        keys: k,
        conversations,
        bots,
        events,
        rates,
        repair,
        answerTags,
        tickets,
        fileRecords: files.records,
        notify,
      },
      waterfall,
    ),
    agentActions: agentActions(
      {
        ...views,
        config,
        redis,
        keys: k,
        conversations,
        tickets,
        history,
        notify,
        statusTime: statusClock,
        fileRecords: files.records,
      },
      waterfall,
    ),
    supervision: supervisionOf(
      {
        ...listDeps,
        views: viewPort({ ...views, config }),
        notify,
        viewers: viewerStore(redis, k),
        interest,
        unread,
      },
      waterfall,
    ),
    handBack: (siteId, agentId) => handBack({ routing, conversations }, waterfall, siteId, agentId),
    requestTranscript: (site, visitor, email) =>
      requestTranscript({ ...outboxDeps, visitors, conversations, rates }, site, visitor, email),
    earlier: earlierConversations({ conversations, messages, history }),
    workers,
    db,
    files,
    archive,
    archiveDue: due,
    retention,
    hashPassword: (password) => hashPassword(password, config.PASSWORD_HASH_MEMORY_KIB),
    async close() {
      waterfall.stop();
      boards.stop();
      present.stop();
      await workers?.close();
      await queues.close();
      await pool.close();
      await Promise.allSettled([kbSub.close(), pub.close(), sub.close()]);
      await redis.close();
      await db.close();
      files.close();
    },
  };
}

import type { Config } from '../config.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { AgentStore } from '../store/agents.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { KbStore } from '../store/kb.ts';
import type { MessageStore } from '../store/messages.ts';
import type { SiteStore } from '../store/sites.ts';
import type { TicketStore } from '../store/tickets.ts';
import type { VisitorStore } from '../store/visitors.ts';
import type { Routing } from '../routing/routing.ts';
import type { BotService } from '../bot/service.ts';
import type { Notifier } from './notifier.ts';
import type { DomainEvents } from '../events.ts';
import type { Queues } from '../jobs/queues.ts';
import type { Log } from '../core.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import type { HistoryReader } from '../history/reader.ts';

/** Everything the waterfall's shell needs, passed explicitly. */
export type WaterfallDeps = {
  config: Config;
  redis: Redis;
  keys: Keys;
  sites: SiteStore;
  agents: AgentStore;
  visitors: VisitorStore;
  conversations: ConversationStore;
  messages: MessageStore;
  tickets: TicketStore;
  kb: KbStore;
  routing: Routing;
  bots: BotService;
  notify: Notifier;
  events: DomainEvents;
  queues: Queues;
  log: Log;
  rates: RateLimiter;
  /** Ended conversations once Redis has let them go. */
  history: HistoryReader;
};

/** What a forked benchmark server (bench/server-process.ts) and its parent say to each other. */
export type ServerMessage =
  | { type: 'ready'; url: string; siteKey: string | null; wsUrl: string | null }
  | { type: 'memory'; rss: number; heapUsed: number }
  | { type: 'agents'; cookies: string[] }
  /** The server process's CPU time so far, user plus system, in milliseconds. */
  | { type: 'cpu'; ms: number };

export type ParentMessage =
  { type: 'memory' } | { type: 'cpu' } | { type: 'agents'; count: number; maxChats: number } | { type: 'stop' };

/** The setup of bench/message-clients.ts, passed as its argument. */
export type MessageClientsSetup = {
  visitorUrl: string;
  agentUrl: string;
  siteKey: string;
  cookies: string[];
  conversations: number;
  /** Each side of each conversation sends one message per period. */
  periodMs: number;
  warmupMs: number;
  measureMs: number;
};

/** The setup of bench/bare-clients.ts: the same load, against two bare Socket.IO servers. */
export type BareClientsSetup = Omit<MessageClientsSetup, 'siteKey' | 'cookies'>;

export type ClientMessage =
  | { type: 'connected'; conversations: number; setupMs: number }
  | { type: 'done'; visitorToAgent: number[]; agentToVisitor: number[]; sent: number; lost: number; seconds: number };

/** bench/connection-clients.ts: how many idle connections it holds open. */
export type HeldMessage = { type: 'held'; count: number };

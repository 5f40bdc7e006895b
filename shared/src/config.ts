import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * The server's configuration, parsed from the environment by this one schema.
 * Each key is the environment variable's name; the README lists them all.
 */
export const ServerEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** The address visitors and agents use; printed at start and used in emails. */
  PUBLIC_URL: z.url().optional(),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  /**
   * Seed nodes of a Redis Cluster, comma-separated (`redis://10.0.0.1:6379,redis://10.0.0.2:6379`);
   * when set, Cascade talks to the cluster and REDIS_URL is not used.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^rediss?$/ }))),
  /** Prefix of every Redis key, so several installations (or test runs) share one Redis. */
  KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .default('cascade'),
  /**
   * A PostgreSQL server for history (`postgres://user:pass@host:5432/db`); unset, an embedded
   * PostgreSQL (PGlite) keeps it under DATA_DIR/pg, for one process only.
   */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** The PostgreSQL schema history lives in, created when missing (several installations or test runs per database). */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier')
    .default('public'),
  /** Where the embedded database keeps its files (under `pg/`) when DATABASE_URL is unset. */
  DATA_DIR: z.string().min(1).default('data'),
  /** Hours an ended conversation stays in Redis after it is archived to PostgreSQL. */
  HOT_RETENTION_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 365)
    .default(24),
  /**
   * The nice value of the thread that builds bots: above 0, the event loop gets the CPU first
   * when both want it. 0 only where nothing is served from this process while it builds, or in
   * tests, on a machine so busy that a niced build would barely run.
   */
  BOT_BUILD_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /**
   * How long after a knowledge-base change the next messages wait for the new index rather than
   * take the previous one. A small knowledge base builds well within 5 s on a quiet machine; the
   * tests, which promise the edited answer on the very next message, wait as long as any step.
   */
  BOT_FRESH_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(5000),
  /** Run the BullMQ workers inside this process. */
  WORKERS: bool.default(true),
  /** Seed the demo sites, knowledge base and accounts when missing. */
  DEMO: bool.default(true),
  /** Mark session cookies Secure; on by default when PUBLIC_URL is https. */
  COOKIE_SECURE: bool.optional(),
  /**
   * Further origins the agent console is served from (comma-separated, `https://ops.example`),
   * besides PUBLIC_URL's and this server's own; the /agent socket refuses every other origin.
   */
  CONSOLE_ORIGINS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin))),
  /** Seconds an agent may be disconnected before their chats go back to the queue. */
  AGENT_GRACE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /**
   * Seconds a socket counts as present after its process last vouched for it (every quarter of
   * this): a hung process's agents and visitors count as gone once it runs out.
   */
  PRESENCE_TTL_SECONDS: z.coerce.number().int().min(2).max(600).default(20),
  /**
   * Milliseconds a state change or a claim may stay unfinished before the repair takes it for the
   * work of a dead or hung process; the sweep looks every half of this. Far longer than a live
   * step takes on a loaded machine; the crash tests shorten it so as not to wait out 10 s.
   */
  REPAIR_AFTER_MS: z.coerce.number().int().min(2000).max(600_000).default(10_000),
  /** Seconds a waiting visitor may be gone before the chat counts as abandoned. */
  VISITOR_GRACE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(120),
  /**
   * Abuse limits, counted in Redis so they hold across processes. Messages are counted per
   * sender and conversation, in the conversation's own slot, so a message is checked and
   * stored in one step (a visitor has one open conversation at a time).
   */
  RATE_VISITOR_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  RATE_CONVERSATIONS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(30),
  RATE_CONNECTIONS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Earlier-conversation reads (the list and each transcript) of one visitor per minute: each reads history. */
  RATE_EARLIER_PER_VISITOR_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  RATE_AGENT_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** "Forgot password" emails to one address per hour; one address asking: ten times as many. */
  RATE_PASSWORD_RESETS_PER_HOUR: z.coerce.number().int().min(1).default(3),
  /** Transcript emails to one address, and from one site, per day: a transcript is no mail relay. */
  RATE_TRANSCRIPTS_PER_ADDRESS_PER_DAY: z.coerce.number().int().min(1).default(5),
  RATE_TRANSCRIPTS_PER_SITE_PER_DAY: z.coerce.number().int().min(1).default(1000),
  /** Live connections of one visitor token (all their tabs); the next is refused. */
  VISITOR_SOCKETS_PER_TOKEN: z.coerce.number().int().min(1).max(1000).default(10),
  /**
   * Failed logins from one address at one account before each further try must wait, twice as
   * long each time, up to LOGIN_LOCK_MINUTES (an address across accounts: ten times as many).
   */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /**
   * Memory of one argon2id password hash, in KiB (the library's 64 MiB by default). Lower only
   * for tests, which hash many passwords on a small machine; each hash keeps its own cost.
   */
  PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(1024).max(4_194_304).default(65_536),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Which proxies' X-Forwarded-* headers to believe: `false` none, a hop count (`true` is one
   * hop), or a comma list of proxy addresses and CIDRs. The client's address is the nearest
   * one those proxies vouch for, never the left-most entry a client can write itself.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((v): number | string[] => {
      if (/^(false|no)$/i.test(v)) return 0;
      if (/^(true|yes)$/i.test(v)) return 1;
      if (/^\d+$/.test(v)) return Number(v);
      return v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    })
    .pipe(
      z.union([
        z.number().int().min(0).max(20),
        z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()])).min(1, 'a proxy address or CIDR'),
      ]),
    ),
  /**
   * Let webhooks reach loopback, private and link-local addresses. Off by default: a site's
   * admin must not be able to make this server call into its own network.
   */
  ALLOW_INTERNAL_WEBHOOKS: bool.default(false),
  /**
   * A secret a Prometheus server sends as `Authorization: Bearer` to read /metrics on the main
   * port; unset, the main port does not serve /metrics.
   */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').max(200).optional(),
  /** A second port that serves only /metrics, without a token, for an internal network. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  /** The interface of METRICS_PORT; loopback unless an internal interface is named. */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().max(254).default('Cascade <no-reply@localhost>'),
  /**
   * The domain of tickets' reply addresses (`reply+<token>@INBOUND_DOMAIN`); unset, emails carry
   * no reply address and nothing comes back. Its MX (or a provider's inbound route) must reach
   * INBOUND_SMTP_PORT or the HTTP endpoint.
   */
  INBOUND_DOMAIN: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'a domain name')
    .optional(),
  /** The port of the built-in SMTP receiver for replies; unset, it does not run. */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  /** The interface the SMTP receiver listens on. */
  INBOUND_SMTP_HOST: z.string().min(1).default('0.0.0.0'),
  /**
   * The secret a mail provider's inbound webhook sends (`Authorization: Bearer …`) to POST raw
   * MIME to /api/inbound/email; unset, that endpoint is off.
   */
  INBOUND_SECRET: z.string().min(16, 'at least 16 characters').max(200).optional(),
  /** The largest inbound email accepted, in bytes, attachments included. */
  INBOUND_MAX_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(10_000_000),
  /** Inbound emails one ticket, and one sender, may bring per hour; more are refused for a while. */
  RATE_INBOUND_PER_TICKET_PER_HOUR: z.coerce.number().int().min(1).default(30),
  RATE_INBOUND_PER_SENDER_PER_HOUR: z.coerce.number().int().min(1).default(60),
  /** First retry delay of a failed webhook or email; each later try waits twice as long. */
  DELIVERY_BACKOFF_MS: z.coerce.number().int().min(1).max(3_600_000).default(1000),
  /** Tries of a webhook or email before it is marked failed (and waits for a manual retry). */
  DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(12),
  /** Where attachments are kept: `disk` (FILES_DIR) or `s3` (an S3-compatible bucket). */
  FILES_STORAGE: z.enum(['disk', 's3']).default('disk'),
  /** The folder of attachments on disk; unset, DATA_DIR/files. */
  FILES_DIR: z.string().min(1).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** An S3-compatible server's address (MinIO, R2, …); unset, AWS S3 itself. */
  S3_ENDPOINT: z.url().optional(),
  /** Unset, the AWS SDK finds credentials itself (environment, profile, instance role). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Bucket in the path (`endpoint/bucket/key`), as most S3-compatible servers want. */
  S3_FORCE_PATH_STYLE: bool.default(false),
  /**
   * Signs attachment links (at least 32 characters; the same on every process). Unset, one is
   * made at first start and kept in Redis.
   */
  FILES_SIGNING_SECRET: z.string().min(32, 'at least 32 characters').max(512).optional(),
  /** Minutes a file link shown in the widget or the console stays valid. */
  FILE_LINK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Hours a file link in an email or a webhook stays valid. */
  FILE_MAIL_LINK_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(168),
  /** A clamd to scan every file before anyone sees it (`tcp://127.0.0.1:3310`); unset, no scan. */
  FILES_CLAMD_URL: z.url({ protocol: /^tcp$/ }).optional(),
  RATE_UPLOADS_PER_VISITOR_PER_HOUR: z.coerce.number().int().min(1).default(60),
  RATE_UPLOADS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(200),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

/** Turns a failed parse into one line per variable, naming it. */
export function describeEnvError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`).join('\n');
}

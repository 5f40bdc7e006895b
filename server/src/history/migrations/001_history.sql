-- History: what ended leaves Redis for these tables. Each row keeps the full record as Cascade
-- stores it (`data`, parsed by the shared zod schemas on the way out); the columns beside it
-- are what filters, joins and retention need.

CREATE TABLE visitors (
  site_id text NOT NULL,
  id text NOT NULL,
  email text,
  external_id text,
  created_at timestamptz NOT NULL,
  data jsonb NOT NULL,
  archived_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (site_id, id)
);
CREATE INDEX visitors_email ON visitors (site_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX visitors_external ON visitors (site_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE conversations (
  id text PRIMARY KEY,
  site_id text NOT NULL,
  visitor_id text NOT NULL,
  state text NOT NULL,
  locale text NOT NULL,
  skill text NOT NULL,
  level integer NOT NULL,
  agent_id text,
  ticket_id text,
  resolved_by text,
  csat_score integer,
  transfers integer NOT NULL,
  created_at timestamptz NOT NULL,
  closed_at timestamptz,
  tags text[] NOT NULL DEFAULT '{}',
  data jsonb NOT NULL,
  archived_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_site_created ON conversations (site_id, created_at DESC);
CREATE INDEX conversations_visitor ON conversations (site_id, visitor_id, created_at DESC);
CREATE INDEX conversations_tags ON conversations USING gin (tags);

-- Messages and events are partitioned by month (partitions are made as months first appear),
-- so a retention period ends by dropping whole partitions instead of deleting row by row.
CREATE TABLE messages (
  conversation_id text NOT NULL,
  id text NOT NULL,
  site_id text NOT NULL,
  ts timestamptz NOT NULL,
  author text NOT NULL,
  agent_id text,
  internal boolean NOT NULL,
  text text NOT NULL,
  -- Words of the text after the bot's normaliser (letters folded, marks and digits unified),
  -- so a search typed on any keyboard meets the message in one form, in every language.
  search tsvector NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (conversation_id, id, ts)
) PARTITION BY RANGE (ts);
CREATE INDEX messages_search ON messages USING gin (search);
CREATE INDEX messages_site_ts ON messages (site_id, ts);

CREATE TABLE events (
  site_id text NOT NULL,
  id text NOT NULL,
  conversation_id text,
  ts timestamptz NOT NULL,
  event text NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (site_id, id, ts)
) PARTITION BY RANGE (ts);
CREATE INDEX events_conversation ON events (conversation_id);
CREATE INDEX events_site_event_ts ON events (site_id, event, ts);

CREATE TABLE tickets (
  site_id text NOT NULL,
  id text NOT NULL,
  conversation_id text NOT NULL,
  number integer NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (site_id, id)
);
CREATE INDEX tickets_conversation ON tickets (site_id, conversation_id);

-- Appended to, never edited through the API: who did what, when, from where.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  site_id text,
  actor_id text,
  action text NOT NULL,
  target jsonb NOT NULL DEFAULT '{}',
  detail jsonb NOT NULL DEFAULT '{}',
  ip text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_site_at ON audit_log (site_id, at DESC);

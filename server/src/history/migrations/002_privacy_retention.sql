-- That an erasure happened, by whom and when, with counts: never who was erased or what was held.
CREATE TABLE erasures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  site_id text NOT NULL,
  actor_id text,
  counts jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX erasures_site_at ON erasures (site_id, at DESC);

-- Per-site retention (days; null keeps for ever). Transcripts go first, the numbers later.
CREATE TABLE site_retention (
  site_id text PRIMARY KEY,
  transcript_days integer,
  record_days integer,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A conversation whose transcript has gone keeps its numbers; this says when the text went.
ALTER TABLE conversations ADD COLUMN stripped_at timestamptz;
CREATE INDEX conversations_site_closed ON conversations (site_id, closed_at);
CREATE INDEX tickets_site_created ON tickets (site_id, created_at);
CREATE INDEX events_site_ts ON events (site_id, ts);

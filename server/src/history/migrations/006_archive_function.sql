-- One ended conversation copied in one statement: the archiver's upserts run here, in order, in
-- the statement's own transaction, so a copy is one round trip and its plans are kept between
-- copies, rather than a round trip and a fresh plan per upsert with BEGIN and COMMIT around them.
-- The visitor, conversation and ticket come as JSON with their tables' column names (visitor and
-- ticket may be null); the messages and events are arrays of rows to add, never replaced.
CREATE FUNCTION archive_conversation(
  p_visitor jsonb, p_conversation jsonb, p_tags text[], p_max_tags integer, p_messages jsonb, p_events jsonb,
  p_ticket jsonb
)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  conv conversations := jsonb_populate_record(NULL::conversations, p_conversation);
BEGIN
  IF p_visitor IS NOT NULL THEN
    INSERT INTO visitors (site_id, id, email, external_id, created_at, data)
    SELECT r.site_id, r.id, r.email, r.external_id, r.created_at, r.data FROM jsonb_populate_record(NULL::visitors, p_visitor) r
    ON CONFLICT (site_id, id) DO UPDATE SET
      email = excluded.email, external_id = excluded.external_id, data = excluded.data, archived_at = now();
  END IF;

  INSERT INTO conversations (id, site_id, visitor_id, state, locale, skill, level, agent_id, ticket_id,
    resolved_by, csat_score, transfers, created_at, closed_at, data, nps_score)
  VALUES (conv.id, conv.site_id, conv.visitor_id, conv.state, conv.locale, conv.skill, conv.level, conv.agent_id,
    conv.ticket_id, conv.resolved_by, conv.csat_score, conv.transfers, conv.created_at, conv.closed_at, conv.data,
    conv.nps_score)
  ON CONFLICT (id) DO UPDATE SET
    state = excluded.state, agent_id = excluded.agent_id, ticket_id = excluded.ticket_id,
    resolved_by = excluded.resolved_by, csat_score = excluded.csat_score, transfers = excluded.transfers,
    closed_at = excluded.closed_at, data = excluded.data, nps_score = excluded.nps_score, archived_at = now()
  -- A rating is set once and never removed: an older copy without it never replaces one with it.
  WHERE (conversations.csat_score IS NULL OR excluded.csat_score IS NOT NULL)
    AND (conversations.nps_score IS NULL OR excluded.nps_score IS NOT NULL);

  -- Tags the conversation lacks are added in their order, up to p_max_tags; those already there stay.
  IF cardinality(p_tags) > 0 THEN
    UPDATE conversations SET tags = (conversations.tags || ARRAY(
      SELECT n.t FROM unnest(p_tags) WITH ORDINALITY AS n(t, i) WHERE NOT n.t = ANY(conversations.tags) ORDER BY n.i
    ))[1:p_max_tags]
    WHERE id = conv.id;
  END IF;

  IF jsonb_array_length(p_messages) > 0 THEN
    INSERT INTO messages (conversation_id, id, site_id, ts, author, agent_id, internal, text, search, data)
    SELECT conv.id, r.id, conv.site_id, r.ts, r.author, r.agent_id, r.internal, r.text, to_tsvector('simple', r.words), r.data
    FROM jsonb_to_recordset(p_messages) AS r(id text, ts timestamptz, author text, agent_id text,
      internal boolean, text text, words text, data jsonb)
    ON CONFLICT DO NOTHING;
    -- What search scans: the words of every message archived so far, in one vector.
    UPDATE conversations SET search = (
      SELECT strip(tsvector_agg(m.search)) FROM messages m WHERE m.conversation_id = conv.id AND m.site_id = conv.site_id)
    WHERE id = conv.id;
  END IF;

  IF jsonb_array_length(p_events) > 0 THEN
    INSERT INTO events (site_id, id, conversation_id, ts, event, data)
    SELECT conv.site_id, r.id, conv.id, r.ts, r.event, r.data
    FROM jsonb_to_recordset(p_events) AS r(id text, ts timestamptz, event text, data jsonb)
    ON CONFLICT DO NOTHING;
  END IF;

  IF p_ticket IS NOT NULL THEN
    INSERT INTO tickets (site_id, id, conversation_id, number, status, created_at, updated_at, data)
    SELECT r.site_id, r.id, r.conversation_id, r.number, r.status, r.created_at, r.updated_at, r.data
    FROM jsonb_populate_record(NULL::tickets, p_ticket) r
    ON CONFLICT (site_id, id) DO UPDATE SET
      status = excluded.status, updated_at = excluded.updated_at, data = excluded.data
    WHERE tickets.updated_at <= excluded.updated_at;
  END IF;
END
$$;

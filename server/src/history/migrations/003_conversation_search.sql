-- Every word of a conversation in one vector beside it, so that a search is one index scan over
-- conversations instead of one over all their messages. The archiver keeps it current; a
-- conversation whose transcript retention stripped has none.
CREATE AGGREGATE tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

ALTER TABLE conversations ADD COLUMN search tsvector;

UPDATE conversations c
SET search = (SELECT strip(tsvector_agg(m.search)) FROM messages m WHERE m.conversation_id = c.id)
WHERE c.stripped_at IS NULL;

CREATE INDEX conversations_search ON conversations USING gin (search);

-- Pages of a site's conversations, newest first with the id breaking ties, straight from the
-- index rather than a sort of the whole history.
DROP INDEX conversations_site_created;
CREATE INDEX conversations_site_created ON conversations (site_id, created_at DESC, id);

-- Attachments: what each file is and whose. The bytes are in FILES_STORAGE (disk or S3), under
-- the keys in `stored`. A visitor's file may come before their conversation does: then
-- conversation_id is set by the message that uses it.
CREATE TABLE files (
  id text PRIMARY KEY,
  site_id text NOT NULL,
  conversation_id text,
  visitor_id text,
  -- `visitor:<id>` or `agent:<id>` and the client's upload id: the same upload again is the same file.
  upload_key text NOT NULL,
  name text NOT NULL,
  type text NOT NULL,
  size integer NOT NULL,
  image boolean NOT NULL,
  width integer,
  height integer,
  stored text[] NOT NULL,
  -- `conversationId:clientMsgId` of the one message that carries the file.
  message_key text,
  -- Carried by an internal note: the visitor may not open it.
  internal boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, upload_key)
);
CREATE INDEX files_conversation ON files (conversation_id);
CREATE INDEX files_site_visitor ON files (site_id, visitor_id);

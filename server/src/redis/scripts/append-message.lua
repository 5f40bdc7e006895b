-- Appends a message to a conversation's stream exactly once per clientMsgId.
-- ARGV[1] clientMsgId ('' for none), ARGV[2] message JSON.
-- Returns { id, isNew } and, when new, the entry before it ({ id, fields }; none for the first),
-- which its pushes name: read here, it costs no round trip of its own.
local streamKey = KEYS[1]
local dedupeKey = KEYS[2] -- hash: clientMsgId -> stream id
local clientMsgId, message = ARGV[1], ARGV[2]

if clientMsgId ~= '' then
  local existing = redis.call('HGET', dedupeKey, clientMsgId)
  if existing then return { existing, 0 } end
end
local before = redis.call('XREVRANGE', streamKey, '+', '-', 'COUNT', 1)[1]
local id = redis.call('XADD', streamKey, '*', 'm', message)
if clientMsgId ~= '' then redis.call('HSET', dedupeKey, clientMsgId, id) end
return { id, 1, before }

-- Appends a message to a conversation's stream exactly once per clientMsgId.
-- KEYS[1] stream, KEYS[2] dedupe hash; ARGV[1] clientMsgId ('' for none), ARGV[2] message JSON
-- Returns { id, isNew }.
if ARGV[1] ~= '' then
  local existing = redis.call('HGET', KEYS[2], ARGV[1])
  if existing then return { existing, 0 } end
end
local id = redis.call('XADD', KEYS[1], '*', 'm', ARGV[2])
if ARGV[1] ~= '' then redis.call('HSET', KEYS[2], ARGV[1], id) end
return { id, 1 }

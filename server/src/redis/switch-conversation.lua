-- Compare-and-set of a visitor's current conversation, so that two tabs starting a
-- conversation at the same moment end up in the same one.
-- KEYS[1] visitor hash; ARGV[1] the conversation id expected now (JSON, "null" for none),
-- ARGV[2] the new one (JSON). Returns nil when switched, else the current value (JSON).
local current = redis.call('HGET', KEYS[1], 'conversationId') or 'null'
if current ~= ARGV[1] then return current end
redis.call('HSET', KEYS[1], 'conversationId', ARGV[2])
return nil

-- Compare-and-set of a visitor's current conversation, so that two tabs starting a
-- conversation at the same moment end up in the same one.
-- ARGV[1] the conversation id expected now (JSON, "null" for none), ARGV[2] the new one (JSON).
-- Returns nil when switched, else the current value (JSON).
local visitorKey = KEYS[1]
local expected, replacement = ARGV[1], ARGV[2]

local current = redis.call('HGET', visitorKey, 'conversationId') or 'null'
if current ~= expected then return current end
redis.call('HSET', visitorKey, 'conversationId', replacement)
return nil

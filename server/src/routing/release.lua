-- Frees an agent's slot for a conversation, only if the conversation is theirs.
-- KEYS[1] assignment hash, KEYS[2] load hash, KEYS[3] agent's chats set, KEYS[4] online zset,
-- KEYS[5] claims not yet written to their conversation (see claim.lua)
-- ARGV[1] conversationId, ARGV[2] agentId, ARGV[3] now. Returns 1 when released.
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[5], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
if tonumber(redis.call('HINCRBY', KEYS[2], ARGV[2], -1)) < 0 then redis.call('HSET', KEYS[2], ARGV[2], 0) end
redis.call('ZADD', KEYS[4], 'XX', ARGV[3], ARGV[2])
return 1

-- Frees an agent's slot for a conversation, only if the conversation is theirs.
-- ARGV[1] conversationId, ARGV[2] agentId, ARGV[3] now. Returns 1 when released.
local assignmentKey = KEYS[1]
local loadKey = KEYS[2]
local agentChatsKey = KEYS[3] -- the agent's chats set
local onlineKey = KEYS[4]
local unwrittenKey = KEYS[5] -- claims not yet written to their conversation (see claim.lua)
local conversationId, agentId, now = ARGV[1], ARGV[2], ARGV[3]

if redis.call('HGET', assignmentKey, conversationId) ~= agentId then return 0 end
redis.call('HDEL', assignmentKey, conversationId)
redis.call('ZREM', unwrittenKey, conversationId)
redis.call('SREM', agentChatsKey, conversationId)
if tonumber(redis.call('HINCRBY', loadKey, agentId, -1)) < 0 then redis.call('HSET', loadKey, agentId, 0) end
redis.call('ZADD', onlineKey, 'XX', now, agentId)
return 1

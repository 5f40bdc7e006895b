-- Makes the routing agree with a conversation whose state says it is the agent's: the chat
-- counts in this agent's load and nobody else's. Used by the repair (waterfall/repair.ts).
-- ARGV[1] conversationId, ARGV[2] agentId. Returns 1 when something had to change.
local assignmentKey = KEYS[1]
local loadKey = KEYS[2]
local agentChatsPrefix = KEYS[3] -- .. agentId
local unwrittenKey = KEYS[4] -- claims not yet written to their conversation
local conversationId, agentId = ARGV[1], ARGV[2]

local current = redis.call('HGET', assignmentKey, conversationId)
redis.call('ZREM', unwrittenKey, conversationId)
if current == agentId then return 0 end
if current then
  redis.call('SREM', agentChatsPrefix .. current, conversationId)
  if tonumber(redis.call('HINCRBY', loadKey, current, -1)) < 0 then redis.call('HSET', loadKey, current, 0) end
end
redis.call('HSET', assignmentKey, conversationId, agentId)
redis.call('SADD', agentChatsPrefix .. agentId, conversationId)
redis.call('HINCRBY', loadKey, agentId, 1)
return 1

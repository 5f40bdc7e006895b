-- Makes the routing agree with a conversation whose state says it is the agent's: the chat
-- counts in this agent's load and nobody else's. Used by the repair (waterfall/repair.ts).
-- KEYS[1] assignment hash, KEYS[2] load hash, KEYS[3] agents' chats key prefix (.. agentId),
-- KEYS[4] claims not yet written to their conversation
-- ARGV[1] conversationId, ARGV[2] agentId. Returns 1 when something had to change.
local current = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
if current == ARGV[2] then return 0 end
if current then
  redis.call('SREM', KEYS[3] .. current, ARGV[1])
  if tonumber(redis.call('HINCRBY', KEYS[2], current, -1)) < 0 then redis.call('HSET', KEYS[2], current, 0) end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[3] .. ARGV[2], ARGV[1])
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
return 1

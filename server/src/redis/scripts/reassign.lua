-- A supervisor gives an assigned chat to another agent (or takes it themselves), atomically:
-- only if it is still the expected agent's and the new agent has a free slot. Skills are not
-- checked: the supervisor chose the person. All keys share the site's hash tag.
-- ARGV[1] conversationId, ARGV[2] from agentId, ARGV[3] to agentId, ARGV[4] default cap.
-- Returns 1 when moved, or an error word.
local assignmentKey = KEYS[1]
local loadKey = KEYS[2]
local capsKey = KEYS[3]
local fromChatsKey = KEYS[4] -- the current agent's chats set
local toChatsKey = KEYS[5] -- the new agent's chats set
local conversationId, fromId, toId, defaultCap = ARGV[1], ARGV[2], ARGV[3], ARGV[4]

if redis.call('HGET', assignmentKey, conversationId) ~= fromId then return 'moved' end
if fromId == toId then return 'same' end
local load = tonumber(redis.call('HGET', loadKey, toId) or '0')
local cap = tonumber(redis.call('HGET', capsKey, toId) or defaultCap)
if load >= cap then return 'full' end
redis.call('HSET', assignmentKey, conversationId, toId)
redis.call('SREM', fromChatsKey, conversationId)
redis.call('SADD', toChatsKey, conversationId)
if tonumber(redis.call('HINCRBY', loadKey, fromId, -1)) < 0 then redis.call('HSET', loadKey, fromId, 0) end
redis.call('HINCRBY', loadKey, toId, 1)
return 1

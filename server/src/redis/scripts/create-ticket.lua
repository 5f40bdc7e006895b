-- Creates a conversation's ticket at most once, numbering tickets per site.
-- ARGV[1] conversationId, ARGV[2] new ticketId, ARGV[3] createdAt, ARGV[4..] field/value pairs
-- (the number is added here). Returns { ticketId, number, isNew }.
local ticketOfKey = KEYS[1] -- hash: conversationId -> ticketId
local sequenceKey = KEYS[2]
local indexKey = KEYS[3] -- zset of ticketIds by creation
local ticketPrefix = KEYS[4] -- .. ticketId
local conversationId, ticketId, createdAt = ARGV[1], ARGV[2], ARGV[3]

local existing = redis.call('HGET', ticketOfKey, conversationId)
if existing then
  local number = redis.call('HGET', ticketPrefix .. existing, 'number')
  return { existing, tonumber(number), 0 }
end
local number = redis.call('INCR', sequenceKey)
local ticketKey = ticketPrefix .. ticketId
redis.call('HSET', ticketKey, 'number', tostring(number))
for i = 4, #ARGV, 2 do redis.call('HSET', ticketKey, ARGV[i], ARGV[i + 1]) end
redis.call('HSET', ticketOfKey, conversationId, ticketId)
redis.call('ZADD', indexKey, createdAt, ticketId)
return { ticketId, number, 1 }

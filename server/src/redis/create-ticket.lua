-- Creates a conversation's ticket at most once, numbering tickets per site.
-- KEYS[1] conv->ticket hash, KEYS[2] ticket sequence, KEYS[3] tickets index (zset),
-- KEYS[4] prefix of ticket keys (ticket key = KEYS[4] .. ticketId)
-- ARGV[1] conversationId, ARGV[2] new ticketId, ARGV[3] createdAt, ARGV[4..] field/value pairs
-- (the number is added here). Returns { ticketId, number, isNew }.
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then
  local number = redis.call('HGET', KEYS[4] .. existing, 'number')
  return { existing, tonumber(number), 0 }
end
local number = redis.call('INCR', KEYS[2])
local key = KEYS[4] .. ARGV[2]
redis.call('HSET', key, 'number', tostring(number))
for i = 4, #ARGV, 2 do redis.call('HSET', key, ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
return { ARGV[2], number, 1 }

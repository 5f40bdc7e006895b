-- Closes the agent's current status span and opens the next, so time per status adds up
-- exactly however many processes report changes. Offline opens no span: it is not counted.
-- ARGV[1] agentId, ARGV[2] new status, ARGV[3] now, ARGV[4] spans ending before this are dropped.
-- Returns 1 when the status changed.
local currentKey = KEYS[1] -- hash: agentId -> "status:since"
local spansKey = KEYS[2] -- zset: "agentId:status:from:to" scored by to
local agentId, status, now, keepAfter = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]

local current = redis.call('HGET', currentKey, agentId)
if current then
  local was, since = string.match(current, '^(%a+):(%d+)$')
  if was == status then return 0 end
  if was and tonumber(since) < now then
    redis.call('ZADD', spansKey, now, agentId .. ':' .. was .. ':' .. since .. ':' .. now)
  end
end
if status == 'offline' then
  if not current then return 0 end
  redis.call('HDEL', currentKey, agentId)
else
  redis.call('HSET', currentKey, agentId, status .. ':' .. now)
end
redis.call('ZREMRANGEBYSCORE', spansKey, '-inf', '(' .. keepAfter)
return 1

-- Settles one conversation of the list to archive after a try. Archived: it leaves the list,
-- unless it was asked again meanwhile (its score moved on). Failed: its failures are counted,
-- and after ARGV[4] of them it leaves the list so that it cannot hold the others back.
-- ARGV[1] conversationId, ARGV[2] the score the drain read, ARGV[3] 'archived' | 'failed',
-- ARGV[4] most failures.
-- Returns 1 when the conversation left the list.
local dueKey = KEYS[1] -- zset: conversationId -> when asked
local failuresKey = KEYS[2] -- hash: conversationId -> failed tries
local conversationId, readScore, outcome, mostFailures = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])

if outcome == 'failed' then
  if redis.call('HINCRBY', failuresKey, conversationId, 1) < mostFailures then return 0 end
elseif redis.call('ZSCORE', dueKey, conversationId) ~= readScore then
  return 0
end
redis.call('ZREM', dueKey, conversationId)
redis.call('HDEL', failuresKey, conversationId)
return 1

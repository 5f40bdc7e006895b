-- Puts an ended conversation on the list of conversations to archive, or asks again for one
-- already on it (a rating came later). Its score is when it was asked, and always grows on a
-- repeat, so a drain that read the older score leaves it for the next round (archive-done.lua).
-- ARGV[1] conversationId, ARGV[2] now (ms).
-- Returns 1 when the list was empty before: then nothing is draining it yet.
local dueKey = KEYS[1] -- zset: conversationId -> when asked
local conversationId, now = ARGV[1], tonumber(ARGV[2])

local before = tonumber(redis.call('ZSCORE', dueKey, conversationId))
local score = now
if before and before >= now then score = before + 1 end
redis.call('ZADD', dueKey, score, conversationId)
if redis.call('ZCARD', dueKey) == 1 then return 1 end
return 0

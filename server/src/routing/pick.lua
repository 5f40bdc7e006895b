-- An agent takes one waiting chat by hand (sites that let agents pick), atomically:
-- only if it is still in its line, the agent has the skill at its level (any skill when
-- the line is `*`) and a free slot. All keys share the site's hash tag.
-- KEYS[1] the chat's line, KEYS[2] load hash, KEYS[3] caps hash, KEYS[4] assignment hash,
-- KEYS[5] the agent's skills hash, KEYS[6] the agent's chats set, KEYS[7] online zset,
-- KEYS[8] claims not yet written to their conversation (see claim.lua)
-- ARGV[1] conversationId, ARGV[2] agentId, ARGV[3] skill ('*' = any), ARGV[4] level,
-- ARGV[5] default cap, ARGV[6] now. Returns 1 on success, or an error word.
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 'gone' end
local level = 0
if ARGV[3] == '*' then
  for _, l in ipairs(redis.call('HVALS', KEYS[5])) do level = math.max(level, tonumber(l)) end
else
  level = tonumber(redis.call('HGET', KEYS[5], ARGV[3]) or '0')
end
if level < tonumber(ARGV[4]) then return 'skill' end
local load = tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0')
local cap = tonumber(redis.call('HGET', KEYS[3], ARGV[2]) or ARGV[5])
if load >= cap then return 'full' end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
redis.call('HSET', KEYS[4], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[6], ARGV[1])
redis.call('ZADD', KEYS[7], 'XX', ARGV[6], ARGV[2])
redis.call('ZADD', KEYS[8], ARGV[6], ARGV[1])
return 1

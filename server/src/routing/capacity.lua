-- Counts the online agents eligible for a line and the chats they can hold at once.
-- KEYS[1] online zset, KEYS[2] caps hash, KEYS[3] skills key prefix (.. agentId)
-- ARGV[1] skill ('*' = any), ARGV[2] level, ARGV[3] default cap. Returns { agents, slots }.
local agents, slots = 0, 0
for _, agent in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local level = 0
  if ARGV[1] == '*' then
    for _, l in ipairs(redis.call('HVALS', KEYS[3] .. agent)) do level = math.max(level, tonumber(l)) end
  else
    level = tonumber(redis.call('HGET', KEYS[3] .. agent, ARGV[1]) or '0')
  end
  if level >= tonumber(ARGV[2]) then
    agents = agents + 1
    slots = slots + tonumber(redis.call('HGET', KEYS[2], agent) or ARGV[3])
  end
end
return { agents, slots }

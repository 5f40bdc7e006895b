-- Gives the longest-waiting chat that has an eligible agent to the best such agent, atomically.
-- Eligible: online, has the queue's skill at the queue's level or above (any skill for the
-- widened line `*`), below their cap.
-- Best: least loaded; ties go to the one idle longest (lowest score in the online set).
-- All keys share the site's hash tag, so this runs on one Redis Cluster slot.
-- KEYS[1] online zset (agentId -> idle since), KEYS[2] load hash, KEYS[3] caps hash,
-- KEYS[4] assignment hash (conversationId -> agentId), KEYS[5] skills key prefix (.. agentId),
-- KEYS[6] agent chats key prefix (.. agentId), KEYS[7] the site's lines (a set of
-- "skill:level"), KEYS[8] queue key prefix (.. "skill:level"), KEYS[9] claims not yet written
-- to their conversation (conversationId -> when claimed; the claimer removes it once written,
-- and waterfall/repair.ts finishes or undoes one whose claimer died).
-- ARGV[1] now, ARGV[2] default cap.
-- Returns { conversationId, agentId } or nil when nothing can be assigned.
local agents = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
if #agents == 0 then return nil end

-- The lines are read here rather than passed in: one round trip, and never a stale list.
local heads = {}
for _, line in ipairs(redis.call('SMEMBERS', KEYS[7])) do
  local skill, level = string.match(line, '^(.*):(%d+)$')
  local queue = KEYS[8] .. line
  local head = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
  if skill and #head > 0 then heads[#heads + 1] = { queue, head[1], tonumber(head[2]), skill, tonumber(level) } end
end
table.sort(heads, function(a, b) return a[3] < b[3] end)

for _, head in ipairs(heads) do
  local queue, skill, level = head[1], head[4], head[5]
  local best, bestLoad, bestIdle = nil, nil, nil
  for j = 1, #agents, 2 do
    local agent, idle = agents[j], tonumber(agents[j + 1])
    local agentLevel = 0
    if skill == '*' then
      for _, l in ipairs(redis.call('HVALS', KEYS[5] .. agent)) do agentLevel = math.max(agentLevel, tonumber(l)) end
    else
      agentLevel = tonumber(redis.call('HGET', KEYS[5] .. agent, skill) or '0')
    end
    if agentLevel >= level then
      local load = tonumber(redis.call('HGET', KEYS[2], agent) or '0')
      local cap = tonumber(redis.call('HGET', KEYS[3], agent) or ARGV[2])
      if load < cap and (best == nil or load < bestLoad or (load == bestLoad and idle < bestIdle)) then
        best, bestLoad, bestIdle = agent, load, idle
      end
    end
  end
  if best then
    redis.call('ZREM', queue, head[2])
    redis.call('HINCRBY', KEYS[2], best, 1)
    redis.call('HSET', KEYS[4], head[2], best)
    redis.call('SADD', KEYS[6] .. best, head[2])
    redis.call('ZADD', KEYS[1], 'XX', ARGV[1], best)
    redis.call('ZADD', KEYS[9], ARGV[1], head[2])
    return { head[2], best }
  end
end
return nil

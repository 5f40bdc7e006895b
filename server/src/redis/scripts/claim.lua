-- Gives the longest-waiting chat that has an eligible agent to the best such agent, atomically.
-- Eligible: online, has the queue's skill at the queue's level or above (any skill for the
-- widened line `*`), below their cap.
-- Best: least loaded; ties go to the one idle longest (lowest score in the online set).
-- All keys share the site's hash tag, so this runs on one Redis Cluster slot.
-- ARGV[1] now, ARGV[2] default cap.
-- Returns { conversationId, agentId } or nil when nothing can be assigned.
local onlineKey = KEYS[1] -- zset: agentId -> idle since
local loadKey = KEYS[2] -- hash: agentId -> open chats
local capsKey = KEYS[3] -- hash: agentId -> cap
local assignmentKey = KEYS[4] -- hash: conversationId -> agentId
local skillsPrefix = KEYS[5] -- .. agentId: hash skill -> level
local agentChatsPrefix = KEYS[6] -- .. agentId: set of conversationIds
local linesKey = KEYS[7] -- set of "skill:level"
local linePrefix = KEYS[8] -- .. "skill:level": zset of waiting conversationIds
local unwrittenKey = KEYS[9] -- zset: claims not yet written to their conversation
local now, defaultCap = ARGV[1], ARGV[2]
--!include agent-level
--!include assign

local agents = redis.call('ZRANGE', onlineKey, 0, -1, 'WITHSCORES')
if #agents == 0 then return nil end

-- The lines are read here rather than passed in: one round trip, and never a stale list.
local heads = {}
for _, line in ipairs(redis.call('SMEMBERS', linesKey)) do
  local skill, level = string.match(line, '^(.*):(%d+)$')
  local queue = linePrefix .. line
  local head = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
  if skill and #head > 0 then heads[#heads + 1] = { queue, head[1], tonumber(head[2]), skill, tonumber(level) } end
end
table.sort(heads, function(a, b) return a[3] < b[3] end)

for _, head in ipairs(heads) do
  local queue, conversationId, skill, level = head[1], head[2], head[4], head[5]
  local best, bestLoad, bestIdle = nil, nil, nil
  for j = 1, #agents, 2 do
    local agent, idle = agents[j], tonumber(agents[j + 1])
    if agentLevel(skillsPrefix .. agent, skill) >= level then
      local load = tonumber(redis.call('HGET', loadKey, agent) or '0')
      local cap = tonumber(redis.call('HGET', capsKey, agent) or defaultCap)
      if load < cap and (best == nil or load < bestLoad or (load == bestLoad and idle < bestIdle)) then
        best, bestLoad, bestIdle = agent, load, idle
      end
    end
  end
  if best then
    assign(queue, loadKey, assignmentKey, agentChatsPrefix .. best, onlineKey, unwrittenKey, conversationId, best, now)
    return { conversationId, best }
  end
end
return nil

-- Gives the longest-waiting chat that has an eligible agent to the best such agent, atomically.
-- Eligible: online, has the queue's skill at the queue's level or above (any skill for the
-- widened line `*`), below their cap.
-- Best: one who answers in the chat's language when any such agent is eligible, else any
-- eligible agent; among those, least loaded; ties go to the one idle longest (lowest score in
-- the online set). The language rule is here so that it holds under concurrent claims.
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
local languageKey = KEYS[10] -- hash: waiting conversationId -> visitor's locale
local languagesPrefix = KEYS[11] -- .. agentId: set of locales the agent answers in
local now, defaultCap = ARGV[1], ARGV[2]
--!include agent-level
--!include assign

local agents = redis.call('ZRANGE', onlineKey, 0, -1, 'WITHSCORES')
if #agents == 0 then return nil end

-- Loads and caps are read for all online agents at once (HMGET in slices that stay far below
-- Lua's stack limit), and only the agents below their cap are looked at per line head.
local SLICE = 500
local free = {} -- { agent, load, idle }
for first = 1, #agents, 2 * SLICE do
  local ids = {}
  for j = first, math.min(#agents, first + 2 * SLICE - 1), 2 do ids[#ids + 1] = agents[j] end
  local loads = redis.call('HMGET', loadKey, unpack(ids))
  local caps = redis.call('HMGET', capsKey, unpack(ids))
  for i, agent in ipairs(ids) do
    local load = tonumber(loads[i] or '0')
    if load < tonumber(caps[i] or defaultCap) then
      free[#free + 1] = { agent, load, tonumber(agents[first + 2 * (i - 1) + 1]) }
    end
  end
end
if #free == 0 then return nil end

-- The lines are read here rather than passed in: one round trip, and never a stale list.
local heads = {}
for _, line in ipairs(redis.call('SMEMBERS', linesKey)) do
  local skill, level = string.match(line, '^(.*):(%d+)$')
  local queue = linePrefix .. line
  local head = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
  if skill and #head > 0 then heads[#heads + 1] = { queue, head[1], tonumber(head[2]), skill, tonumber(level) } end
end
table.sort(heads, function(a, b) return a[3] < b[3] end)

-- Whether candidate c (agent, load, idle) beats the best so far: less loaded, then idle longer.
local function beats(c, b)
  return b == nil or c[2] < b[2] or (c[2] == b[2] and c[3] < b[3])
end

for _, head in ipairs(heads) do
  local queue, conversationId, skill, level = head[1], head[2], head[4], head[5]
  local language = redis.call('HGET', languageKey, conversationId)
  -- The best eligible agent, and the best eligible agent who speaks the chat's language; the
  -- language is asked only of an agent who would beat the best speaker found so far.
  local best, speaker = nil, nil
  for _, c in ipairs(free) do
    if agentLevel(skillsPrefix .. c[1], skill) >= level then
      if beats(c, best) then best = c end
      if language and beats(c, speaker) and redis.call('SISMEMBER', languagesPrefix .. c[1], language) == 1 then
        speaker = c
      end
    end
  end
  local winner = speaker or best
  if winner then
    local agent = winner[1]
    assign(queue, loadKey, assignmentKey, agentChatsPrefix .. agent, onlineKey, unwrittenKey, conversationId, agent, now)
    redis.call('HDEL', languageKey, conversationId)
    return { conversationId, agent }
  end
end
return nil

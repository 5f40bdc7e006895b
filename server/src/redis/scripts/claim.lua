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
  local language = redis.call('HGET', languageKey, conversationId)
  -- [1] any eligible agent, [2] an eligible agent who speaks the chat's language: { agent, load, idle }
  local best = { nil, nil }
  for j = 1, #agents, 2 do
    local agent, idle = agents[j], tonumber(agents[j + 1])
    if agentLevel(skillsPrefix .. agent, skill) >= level then
      local load = tonumber(redis.call('HGET', loadKey, agent) or '0')
      local cap = tonumber(redis.call('HGET', capsKey, agent) or defaultCap)
      if load < cap then
        local speaks = language and redis.call('SISMEMBER', languagesPrefix .. agent, language) == 1
        for slot = 1, speaks and 2 or 1 do
          local b = best[slot]
          if b == nil or load < b[2] or (load == b[2] and idle < b[3]) then best[slot] = { agent, load, idle } end
        end
      end
    end
  end
  local winner = best[2] or best[1]
  if winner then
    local agent = winner[1]
    assign(queue, loadKey, assignmentKey, agentChatsPrefix .. agent, onlineKey, unwrittenKey, conversationId, agent, now)
    redis.call('HDEL', languageKey, conversationId)
    return { conversationId, agent }
  end
end
return nil

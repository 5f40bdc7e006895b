-- Gives the longest-waiting chat that has an eligible agent to the best such agent, atomically.
-- Eligible: online, has the queue's skill at the queue's level or above (any skill for the
-- widened line `*`), below their cap.
-- Best: one who answers in the chat's language when any such agent is eligible, else any
-- eligible agent; among those, least loaded; ties go to the one idle longest (lowest score in
-- the online set). The language rule is here so that it holds under concurrent claims.
-- All keys share the site's hash tag, so this runs on one Redis Cluster slot.
-- ARGV[1] now, ARGV[2] default cap.
-- Returns { conversationId, agentId, more } or nil when nothing can be assigned; `more` is 0
-- when no other chat waits or no agent has room left, so the caller need not ask again.
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
local languagesPrefix = KEYS[11] -- .. agentId: set of locales, as earlier versions kept them
local speaksKey = KEYS[12] -- hash: agentId -> locales the agent answers in, separated by spaces
local now, defaultCap = ARGV[1], ARGV[2]
--!include agent-level
--!include assign

-- The lines are read here rather than passed in: one round trip, and never a stale list. They
-- come first: most calls find nobody waiting, and then the agents need not be read at all.
local heads = {}
for _, line in ipairs(redis.call('SMEMBERS', linesKey)) do
  local skill, level = string.match(line, '^(.*):(%d+)$')
  local queue = linePrefix .. line
  local head = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
  if skill and #head > 0 then heads[#heads + 1] = { queue, head[1], tonumber(head[2]), skill, tonumber(level) } end
end
table.sort(heads, function(a, b) return a[3] < b[3] end)
if #heads == 0 then return nil end

local agents = redis.call('ZRANGE', onlineKey, 0, -1, 'WITHSCORES')
if #agents == 0 then return nil end

-- Loads and caps are read for all online agents at once (HMGET in slices that stay far below
-- Lua's stack limit), and only the agents below their cap are looked at per line head.
local SLICE = 500
local free = {} -- { agent, load, idle, languages (false when not in speaksKey), cap }
for first = 1, #agents, 2 * SLICE do
  local ids = {}
  for j = first, math.min(#agents, first + 2 * SLICE - 1), 2 do ids[#ids + 1] = agents[j] end
  local loads = redis.call('HMGET', loadKey, unpack(ids))
  local caps = redis.call('HMGET', capsKey, unpack(ids))
  local speaks = redis.call('HMGET', speaksKey, unpack(ids))
  for i, agent in ipairs(ids) do
    local load, cap = tonumber(loads[i] or '0'), tonumber(caps[i] or defaultCap)
    if load < cap then free[#free + 1] = { agent, load, tonumber(agents[first + 2 * (i - 1) + 1]), speaks[i], cap } end
  end
end
if #free == 0 then return nil end

-- Whether agent c answers in the language; an agent registered by an earlier version is asked its set.
local function speaksIn(c, language)
  if c[4] then return string.find(' ' .. c[4] .. ' ', ' ' .. language .. ' ', 1, true) ~= nil end
  return redis.call('SISMEMBER', languagesPrefix .. c[1], language) == 1
end

-- Best first: least loaded, then idle longest, then as the online set orders equal scores. The
-- first eligible agent is then the best one, and the first eligible speaker the best speaker, so
-- a line head asks the skill of the best agent and of the speakers before the first eligible one.
table.sort(free, function(a, b)
  if a[2] ~= b[2] then return a[2] < b[2] end
  if a[3] ~= b[3] then return a[3] < b[3] end
  return a[1] < b[1]
end)

for _, head in ipairs(heads) do
  local queue, conversationId, skill, level = head[1], head[2], head[4], head[5]
  local language = redis.call('HGET', languageKey, conversationId)
  local best, speaker = nil, nil
  for _, c in ipairs(free) do
    local speaks = language and speaksIn(c, language)
    if (best == nil or speaks) and agentLevel(skillsPrefix .. c[1], skill) >= level then
      best = best or c
      if speaks then speaker = c end
      if speaks or not language then break end
    end
  end
  local winner = speaker or best
  if winner then
    local agent = winner[1]
    assign(queue, loadKey, assignmentKey, agentChatsPrefix .. agent, onlineKey, unwrittenKey, conversationId, agent, now)
    redis.call('HDEL', languageKey, conversationId)
    local waiting = #heads > 1 or redis.call('ZCARD', queue) > 0
    local room = #free > 1 or winner[2] + 1 < winner[5]
    return { conversationId, agent, (waiting and room) and 1 or 0 }
  end
end
return nil

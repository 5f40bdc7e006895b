-- Counts the online agents eligible for a line and the chats they can hold at once.
-- ARGV[1] skill ('*' = any), ARGV[2] level, ARGV[3] default cap. Returns { agents, slots }.
local onlineKey = KEYS[1]
local capsKey = KEYS[2]
local skillsPrefix = KEYS[3] -- .. agentId
local skill, level, defaultCap = ARGV[1], tonumber(ARGV[2]), ARGV[3]
--!include agent-level

local agents, slots = 0, 0
for _, agent in ipairs(redis.call('ZRANGE', onlineKey, 0, -1)) do
  if agentLevel(skillsPrefix .. agent, skill) >= level then
    agents = agents + 1
    slots = slots + tonumber(redis.call('HGET', capsKey, agent) or defaultCap)
  end
end
return { agents, slots }

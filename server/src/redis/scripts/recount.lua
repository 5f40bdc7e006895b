-- Recomputes every agent's load and chat set from the assignment hash, the one record of who
-- holds which chat, so that no slot stays taken by a chat nobody holds.
-- Returns how many agents' figures were wrong.
local assignmentKey = KEYS[1]
local loadKey = KEYS[2]
local agentChatsPrefix = KEYS[3] -- .. agentId

local held = {}
local flat = redis.call('HGETALL', assignmentKey)
for i = 1, #flat, 2 do
  local agent = flat[i + 1]
  held[agent] = held[agent] or {}
  held[agent][flat[i]] = true
end
local agents = {}
local loads = redis.call('HGETALL', loadKey)
for i = 1, #loads, 2 do agents[loads[i]] = true end
for agent in pairs(held) do agents[agent] = true end
local wrong = 0
for agent in pairs(agents) do
  local mine = held[agent] or {}
  local count, fixed = 0, false
  for _ in pairs(mine) do count = count + 1 end
  if tonumber(redis.call('HGET', loadKey, agent) or '0') ~= count then
    redis.call('HSET', loadKey, agent, count)
    fixed = true
  end
  local set = agentChatsPrefix .. agent
  for _, id in ipairs(redis.call('SMEMBERS', set)) do
    if not mine[id] then redis.call('SREM', set, id); fixed = true end
  end
  for id in pairs(mine) do
    if redis.call('SADD', set, id) == 1 then fixed = true end
  end
  if fixed then wrong = wrong + 1 end
end
return wrong

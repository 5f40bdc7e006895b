-- The agent's level for a line's skill; for the widened line `*`, their highest in any skill.
local function agentLevel(skillsKey, skill)
  if skill ~= '*' then return tonumber(redis.call('HGET', skillsKey, skill) or '0') end
  local level = 0
  for _, l in ipairs(redis.call('HVALS', skillsKey)) do level = math.max(level, tonumber(l)) end
  return level
end

-- Every waiting line of a site with its chats in order, in one reply, so that places in line
-- cost one round trip however long the lines are.
-- Returns { "skill:level", count, id1 .. idN, "skill:level", count, ... }.
local indexKey = KEYS[1]
local linePrefix = KEYS[2] -- .. "skill:level"

local out = {}
for _, line in ipairs(redis.call('SMEMBERS', indexKey)) do
  local ids = redis.call('ZRANGE', linePrefix .. line, 0, -1)
  out[#out + 1] = line
  out[#out + 1] = #ids
  for _, id in ipairs(ids) do out[#out + 1] = id end
end
return out

-- Changes a ticket and appends to its history in one step, so that two agents editing the
-- same ticket at once both keep their history item.
-- ARGV[1] history item (JSON), ARGV[2] updatedAt (JSON), ARGV[3..] field/value pairs.
-- Returns 0 when there is no such ticket, 1 otherwise.
local ticketKey = KEYS[1]
local item, updatedAt = ARGV[1], ARGV[2]

local history = redis.call('HGET', ticketKey, 'history')
if not history then return 0 end
-- The history is a JSON array: the item is spliced in before its closing bracket.
if history == '[]' then
  history = '[' .. item .. ']'
else
  history = string.sub(history, 1, -2) .. ',' .. item .. ']'
end
redis.call('HSET', ticketKey, 'history', history, 'updatedAt', updatedAt)
for i = 3, #ARGV, 2 do redis.call('HSET', ticketKey, ARGV[i], ARGV[i + 1]) end
return 1

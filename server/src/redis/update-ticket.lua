-- Changes a ticket and appends to its history in one step, so that two agents editing the
-- same ticket at once both keep their history item.
-- KEYS[1] ticket hash; ARGV[1] history item (JSON), ARGV[2] updatedAt (JSON), ARGV[3..] field/value pairs.
-- Returns 0 when there is no such ticket, 1 otherwise.
local history = redis.call('HGET', KEYS[1], 'history')
if not history then return 0 end
-- The history is a JSON array: the item is spliced in before its closing bracket.
if history == '[]' then
  history = '[' .. ARGV[1] .. ']'
else
  history = string.sub(history, 1, -2) .. ',' .. ARGV[1] .. ']'
end
redis.call('HSET', KEYS[1], 'history', history, 'updatedAt', ARGV[2])
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 1

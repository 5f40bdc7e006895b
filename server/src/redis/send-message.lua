-- A person's message in one step: the conversation must be theirs (when an owner is given)
-- and still open, the sender within the rate limit, and a re-send is stored only once.
-- KEYS[1] conversation hash, KEYS[2] message stream, KEYS[3] dedupe hash, KEYS[4] rate counter
-- ARGV[1] owner field ('' for no owner check), ARGV[2] its JSON value, ARGV[3] the allowed
-- states (JSON values, space-separated), ARGV[4] limit, ARGV[5] window seconds,
-- ARGV[6] clientMsgId, ARGV[7] message JSON, ARGV[8] the allowed sites (JSON values,
-- space-separated; '' for any).
-- Returns { 'refused' }, { 'limited' } or { id, isNew, the conversation hash as a flat list }.
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return { 'refused' } end
if ARGV[1] ~= '' and redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return { 'refused' } end
local function listed(value, list)
  for item in string.gmatch(list, '%S+') do
    if item == value then return true end
  end
  return false
end
if ARGV[8] ~= '' and not listed(redis.call('HGET', KEYS[1], 'siteId'), ARGV[8]) then return { 'refused' } end
-- A re-send of a stored message is answered with it, even if the conversation closed since.
local existing = redis.call('HGET', KEYS[3], ARGV[6])
if existing then return { existing, 0, redis.call('HGETALL', KEYS[1]) } end
if not listed(state, ARGV[3]) then return { 'refused' } end
local count = redis.call('INCR', KEYS[4])
if count == 1 then redis.call('EXPIRE', KEYS[4], ARGV[5]) end
if count > tonumber(ARGV[4]) then return { 'limited' } end
local id = redis.call('XADD', KEYS[2], '*', 'm', ARGV[7])
redis.call('HSET', KEYS[3], ARGV[6], id)
return { id, 1, redis.call('HGETALL', KEYS[1]) }

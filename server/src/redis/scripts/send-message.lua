-- A person's message in one step: the conversation must be theirs (when an owner is given)
-- and still open, the sender within the rate limit, and a re-send is stored only once.
-- ARGV[1] owner field ('' for no owner check), ARGV[2] its JSON value, ARGV[3] the allowed
-- states (JSON values, space-separated), ARGV[4] limit, ARGV[5] window seconds,
-- ARGV[6] clientMsgId, ARGV[7] message JSON, ARGV[8] the allowed sites (JSON values,
-- space-separated; '' for any).
-- Returns { 'refused' }, { 'limited' } or { id, isNew, the conversation hash as a flat list } and,
-- when new, the entry before it ({ id, fields }; none for the first), which its pushes name.
local conversationKey = KEYS[1]
local streamKey = KEYS[2]
local dedupeKey = KEYS[3] -- hash: clientMsgId -> stream id
local rateKey = KEYS[4]
local ownerField, ownerValue, states, limit, window = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local clientMsgId, message, sites = ARGV[6], ARGV[7], ARGV[8]

local state = redis.call('HGET', conversationKey, 'state')
if not state then return { 'refused' } end
if ownerField ~= '' and redis.call('HGET', conversationKey, ownerField) ~= ownerValue then return { 'refused' } end
local function listed(value, list)
  for item in string.gmatch(list, '%S+') do
    if item == value then return true end
  end
  return false
end
if sites ~= '' and not listed(redis.call('HGET', conversationKey, 'siteId'), sites) then return { 'refused' } end
-- A re-send of a stored message is answered with it, even if the conversation closed since.
local existing = redis.call('HGET', dedupeKey, clientMsgId)
if existing then return { existing, 0, redis.call('HGETALL', conversationKey) } end
if not listed(state, states) then return { 'refused' } end
local count = redis.call('INCR', rateKey)
if count == 1 then redis.call('EXPIRE', rateKey, window) end
if count > tonumber(limit) then return { 'limited' } end
local before = redis.call('XREVRANGE', streamKey, '+', '-', 'COUNT', 1)[1]
local id = redis.call('XADD', streamKey, '*', 'm', message)
redis.call('HSET', dedupeKey, clientMsgId, id)
return { id, 1, redis.call('HGETALL', conversationKey), before }

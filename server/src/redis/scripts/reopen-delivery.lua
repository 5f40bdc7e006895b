-- Moves a failed delivery back to pending; only one of several concurrent retries wins.
-- ARGV[1] updatedAt. Returns 1 when it was failed.
local deliveryKey = KEYS[1]

if redis.call('HGET', deliveryKey, 'status') ~= '"failed"' then return 0 end
redis.call('HSET', deliveryKey, 'status', '"pending"', 'updatedAt', ARGV[1])
return 1

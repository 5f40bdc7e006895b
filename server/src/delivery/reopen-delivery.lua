-- Moves a failed delivery back to pending; only one of several concurrent retries wins.
-- KEYS[1] the delivery's hash; ARGV[1] updatedAt. Returns 1 when it was failed.
if redis.call('HGET', KEYS[1], 'status') ~= '"failed"' then return 0 end
redis.call('HSET', KEYS[1], 'status', '"pending"', 'updatedAt', ARGV[1])
return 1

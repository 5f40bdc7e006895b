-- Records a delivery at most once and indexes it by creation time.
-- ARGV[1] delivery id, ARGV[2] createdAt, ARGV[3..] field/value pairs. Returns 1 when new.
local deliveryKey = KEYS[1]
local indexKey = KEYS[2] -- the site's deliveries (zset by creation)
local deliveryId, createdAt = ARGV[1], ARGV[2]

if redis.call('EXISTS', deliveryKey) == 1 then return 0 end
for i = 3, #ARGV, 2 do redis.call('HSET', deliveryKey, ARGV[i], ARGV[i + 1]) end
redis.call('ZADD', indexKey, createdAt, deliveryId)
return 1

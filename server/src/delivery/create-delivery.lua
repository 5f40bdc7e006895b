-- Records a delivery at most once and indexes it by creation time.
-- KEYS[1] the delivery's hash, KEYS[2] the site's deliveries index (zset)
-- ARGV[1] delivery id, ARGV[2] createdAt, ARGV[3..] field/value pairs. Returns 1 when new.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 1

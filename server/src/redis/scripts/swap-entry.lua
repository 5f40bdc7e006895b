-- Writes a knowledge-base entry only if it is still as the caller read it, so two changes made
-- from the same read (two phrasings added at once) cannot silently drop one.
-- Returns 1 when written, 0 when the entry changed or went in between.
local kbKey = KEYS[1]
local id, expected, entry = ARGV[1], ARGV[2], ARGV[3]

if redis.call('HGET', kbKey, id) ~= expected then return 0 end
redis.call('HSET', kbKey, id, entry)
return 1

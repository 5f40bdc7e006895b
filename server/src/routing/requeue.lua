-- Puts a waiting chat back in its line if it is in no line and claimed by nobody: a chat whose
-- state says "queued" but whose line entry was never written (the writer died in between).
-- KEYS[1] assignment hash, KEYS[2] the chat's line, KEYS[3] the site's lines (a set of "skill:level")
-- ARGV[1] conversationId, ARGV[2] score in the line, ARGV[3] "skill:level". Returns 1 when put back.
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[3])
return 1

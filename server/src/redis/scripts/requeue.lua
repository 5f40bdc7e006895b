-- Puts a waiting chat back in its line if it is in no line and claimed by nobody: a chat whose
-- state says "queued" but whose line entry was never written (the writer died in between).
-- ARGV[1] conversationId, ARGV[2] score in the line, ARGV[3] "skill:level". Returns 1 when put back.
local assignmentKey = KEYS[1]
local lineKey = KEYS[2] -- the chat's line
local linesKey = KEYS[3] -- the site's lines (a set of "skill:level")
local conversationId, score, line = ARGV[1], ARGV[2], ARGV[3]

if redis.call('HEXISTS', assignmentKey, conversationId) == 1 then return 0 end
if redis.call('ZSCORE', lineKey, conversationId) then return 0 end
redis.call('ZADD', lineKey, score, conversationId)
redis.call('SADD', linesKey, line)
return 1

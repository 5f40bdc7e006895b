-- Writes a state change only if the conversation is still in the state it was read in,
-- so two processes can never both move one conversation out of the same state. In the same
-- step it counts the version and notes the transition as unfinished, so that whatever a
-- crash leaves undone after this write can be found and finished (waterfall/repair.ts).
-- KEYS[1] conversation hash, KEYS[2] its unfinished transitions (hash: version -> record)
-- ARGV[1] expected state (JSON), ARGV[2] the transition's record (JSON), ARGV[3..] field/value pairs.
-- Returns the new version, or 0 when the state was not the expected one.
if redis.call('HGET', KEYS[1], 'state') ~= ARGV[1] then return 0 end
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('HSET', KEYS[2], version, ARGV[2])
return version

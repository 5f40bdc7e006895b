-- Writes a state change only if the conversation is still in the state it was read in,
-- so two processes can never both move one conversation out of the same state. In the same
-- step it counts the version and notes the transition as unfinished, so that whatever a
-- crash leaves undone after this write can be found and finished (waterfall/repair.ts).
-- ARGV[1] expected state (JSON), ARGV[2] the transition's record (JSON), ARGV[3..] field/value pairs.
-- Returns the new version, or 0 when the state was not the expected one.
local conversationKey = KEYS[1]
local unfinishedKey = KEYS[2] -- hash: version -> transition record
local expected, record = ARGV[1], ARGV[2]

if redis.call('HGET', conversationKey, 'state') ~= expected then return 0 end
if #ARGV > 2 then redis.call('HSET', conversationKey, unpack(ARGV, 3)) end
local version = redis.call('HINCRBY', conversationKey, 'version', 1)
redis.call('HSET', unfinishedKey, version, record)
return version

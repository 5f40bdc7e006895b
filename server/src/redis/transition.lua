-- Writes a state change only if the conversation is still in the state it was read in,
-- so two processes can never both move one conversation out of the same state.
-- KEYS[1] conversation hash; ARGV[1] expected state (JSON), ARGV[2..] field/value pairs.
if redis.call('HGET', KEYS[1], 'state') ~= ARGV[1] then return 0 end
for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 1

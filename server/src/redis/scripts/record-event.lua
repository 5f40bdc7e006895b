-- Adds one transition to the site's event stream, once: a repeat (a repair finishing what a
-- crashed process began, or that process waking up) finds the mark and adds nothing.
-- ARGV[1] mark lifetime in seconds, ARGV[2] the index's lifetime in seconds, ARGV[3..]
-- field/value pairs. Returns 1 when added.
local onceKey = KEYS[1] -- the once-mark of (conversation, version)
local eventsKey = KEYS[2] -- the site's event stream
local indexKey = KEYS[3] -- list: the conversation's entry ids, oldest first
--!include add-event

if not redis.call('SET', onceKey, '1', 'NX', 'EX', ARGV[1]) then return 0 end
local fields = {}
for i = 3, #ARGV do fields[#fields + 1] = ARGV[i] end
addEvent(eventsKey, indexKey, ARGV[2], fields)
return 1

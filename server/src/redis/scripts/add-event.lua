-- Adds one entry about a conversation to the site's event stream (see includes/add-event.lua).
-- ARGV[1] the index's lifetime in seconds, ARGV[2..] field/value pairs. Returns the entry's id.
local eventsKey = KEYS[1] -- the site's event stream
local indexKey = KEYS[2] -- list: the conversation's entry ids, oldest first
--!include add-event

local fields = {}
for i = 2, #ARGV do fields[#fields + 1] = ARGV[i] end
return addEvent(eventsKey, indexKey, ARGV[1], fields)

-- Adds an entry to the site's event stream and its id to the conversation's index of its own
-- entries, so that the archive reads a conversation's entries instead of scanning the stream
-- from its start. The index lives `indexSeconds` past its last entry (the archive shortens it).
local function addEvent(eventsKey, indexKey, indexSeconds, fields)
  local id = redis.call('XADD', eventsKey, '*', unpack(fields))
  redis.call('RPUSH', indexKey, id)
  redis.call('EXPIRE', indexKey, indexSeconds)
  return id
end

-- A conversation's entries of its site's event stream: its start, its transitions (the entries
-- with a `from` field, one per version, never two) and whatever else was noted of it.
-- They are read through the conversation's index of entry ids (includes/add-event.lua) when
-- the index holds the start and every transition. Otherwise (a conversation older than the
-- index, or one whose index expired) the stream is scanned from the conversation's start, a
-- page at a time, and filtered here rather than in the server: decoding every other
-- conversation's entries was most of what an archive cost. A page ends early once the start
-- and all transitions are found, so an archive that runs late does not read every entry since.
-- KEYS[1] the site's event stream, KEYS[2] the conversation's index.
-- ARGV: start id (inclusive, or "(id"), conversation id, page size, transitions still to find,
-- whether its start is still to find ('1' or '0'), whether the index may answer ('1' on the
-- first page only, so that its entries never come twice).
-- Returns {entries read, last id read or "", {{id, {field, value, ...}}, ...} of the conversation,
-- 1 when everything was found}.
local stream, indexKey = KEYS[1], KEYS[2]
local start, conversationId, pageSize = ARGV[1], ARGV[2], tonumber(ARGV[3])
local transitions, needStart, indexed = tonumber(ARGV[4]), ARGV[5] == '1', ARGV[6] == '1'

local function field(fields, name)
  for i = 1, #fields, 2 do
    if fields[i] == name then return fields[i + 1] end
  end
  return nil
end

-- Counts off an entry of the conversation against what is still to find.
local function found(fields)
  if field(fields, 'event') == 'started' then needStart = false
  elseif field(fields, 'from') then transitions = transitions - 1 end
end

if indexed then
  local mine = {}
  local wanted, wantStart = transitions, needStart
  for _, id in ipairs(redis.call('LRANGE', indexKey, 0, -1)) do
    local entry = redis.call('XRANGE', stream, id, id)[1]
    if entry then
      mine[#mine + 1] = entry
      found(entry[2])
    end
  end
  if transitions <= 0 and not needStart then return { #mine, '', mine, 1 } end
  transitions, needStart = wanted, wantStart
end

-- A conversation's entries are mostly near its start: read a few first, then more and more.
local chunkSize = 16
local mine, read, last = {}, 0, ''
while read < pageSize do
  local count = math.min(chunkSize, pageSize - read)
  chunkSize = math.min(chunkSize * 2, 256)
  local chunk = redis.call('XRANGE', stream, start, '+', 'COUNT', count)
  for _, entry in ipairs(chunk) do
    if field(entry[2], 'conversationId') == conversationId then
      mine[#mine + 1] = entry
      found(entry[2])
    end
  end
  read = read + #chunk
  if #chunk > 0 then
    last = chunk[#chunk][1]
    start = '(' .. last
  end
  if transitions <= 0 and not needStart then return { read, last, mine, 1 } end
  if #chunk < count then break end
end
return { read, last, mine, 0 }

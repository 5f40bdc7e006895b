-- One page of a site's event stream, filtered to one conversation's entries here rather than
-- in the server: the archive reads the stream from the conversation's start, and decoding
-- every other conversation's entries was most of what an archive cost. The page ends early
-- once the conversation's start and all its transitions are found (one per version, never
-- two), so an archive that runs late does not read every entry written since.
-- KEYS[1] the site's event stream; ARGV: start id (inclusive, or "(id"), conversation id, page
-- size, transitions still to find, whether its start is still to find ('1' or '0').
-- Returns {entries read, last id read or "", {{id, {field, value, ...}}, ...} of the conversation,
-- 1 when everything was found}.
local stream, start, conversationId, pageSize = KEYS[1], ARGV[1], ARGV[2], tonumber(ARGV[3])
local transitions, needStart = tonumber(ARGV[4]), ARGV[5] == '1'
-- A conversation's entries are mostly near its start: read a few first, then more and more.
local chunkSize = 16

local function field(fields, name)
  for i = 1, #fields, 2 do
    if fields[i] == name then return fields[i + 1] end
  end
  return nil
end

local mine, read, last = {}, 0, ''
while read < pageSize do
  local count = math.min(chunkSize, pageSize - read)
  chunkSize = math.min(chunkSize * 2, 256)
  local chunk = redis.call('XRANGE', stream, start, '+', 'COUNT', count)
  for _, entry in ipairs(chunk) do
    local fields = entry[2]
    if field(fields, 'conversationId') == conversationId then
      mine[#mine + 1] = entry
      if field(fields, 'event') == 'started' then needStart = false else transitions = transitions - 1 end
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

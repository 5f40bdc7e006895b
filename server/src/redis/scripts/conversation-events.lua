-- One page of a site's event stream, filtered to one conversation's entries here rather than
-- in the server: the archive reads the stream from the conversation's start to its end, and
-- decoding every other conversation's entries was most of what an archive cost.
-- KEYS[1] the site's event stream; ARGV: start id (inclusive, or "(id"), conversation id, page size.
-- Returns {entries read, last id read or "", {{id, {field, value, ...}}, ...} of the conversation}.
local page = redis.call('XRANGE', KEYS[1], ARGV[1], '+', 'COUNT', tonumber(ARGV[3]))
local mine = {}
for _, entry in ipairs(page) do
  local fields = entry[2]
  for i = 1, #fields, 2 do
    if fields[i] == 'conversationId' then
      if fields[i + 1] == ARGV[2] then mine[#mine + 1] = entry end
      break
    end
  end
end
local last = ''
if #page > 0 then last = page[#page][1] end
return { #page, last, mine }

-- Moves one side's seen receipt forward, never back: receipts from two tabs or a late resend
-- may arrive out of order. A receipt past the last message is held at it, and a conversation
-- that is gone (archived) is not brought back as a stub.
-- KEYS[1] conversation hash, KEYS[2] its message stream; ARGV[1] field, ARGV[2] message id.
-- Returns the id stored (JSON) when it moved, else nil.
local conv, msgs = KEYS[1], KEYS[2]
local field, upTo = ARGV[1], ARGV[2]

local function parts(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local function before(a, b)
  local ams, aseq = parts(a)
  local bms, bseq = parts(b)
  return ams < bms or (ams == bms and aseq < bseq)
end

if redis.call('EXISTS', conv) == 0 then return nil end
local last = redis.call('XREVRANGE', msgs, '+', '-', 'COUNT', 1)[1]
if not last then return nil end
if before(last[1], upTo) then upTo = last[1] end
local current = redis.call('HGET', conv, field)
if current and not before(cjson.decode(current), upTo) then return nil end
local encoded = cjson.encode(upTo)
redis.call('HSET', conv, field, encoded)
return encoded

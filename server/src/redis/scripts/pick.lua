-- An agent takes one waiting chat by hand (sites that let agents pick), atomically:
-- only if it is still in its line, the agent has the skill at its level (any skill when
-- the line is `*`) and a free slot. All keys share the site's hash tag.
-- ARGV[1] conversationId, ARGV[2] agentId, ARGV[3] skill ('*' = any), ARGV[4] level,
-- ARGV[5] default cap, ARGV[6] now. Returns 1 on success, or an error word.
local lineKey = KEYS[1] -- the chat's line
local loadKey = KEYS[2]
local capsKey = KEYS[3]
local assignmentKey = KEYS[4]
local skillsKey = KEYS[5] -- the agent's skills hash
local agentChatsKey = KEYS[6] -- the agent's chats set
local onlineKey = KEYS[7]
local unwrittenKey = KEYS[8] -- claims not yet written to their conversation (see claim.lua)
local conversationId, agentId, skill, level, defaultCap, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
--!include agent-level
--!include assign

if not redis.call('ZSCORE', lineKey, conversationId) then return 'gone' end
if agentLevel(skillsKey, skill) < tonumber(level) then return 'skill' end
local load = tonumber(redis.call('HGET', loadKey, agentId) or '0')
local cap = tonumber(redis.call('HGET', capsKey, agentId) or defaultCap)
if load >= cap then return 'full' end
assign(lineKey, loadKey, assignmentKey, agentChatsKey, onlineKey, unwrittenKey, conversationId, agentId, now)
return 1

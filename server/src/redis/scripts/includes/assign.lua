-- Gives a waiting chat to an agent: off its line, into the agent's load and chats, their idle
-- time reset, and noted as claimed but not yet written to its conversation (the claimer clears
-- the note once written; waterfall/repair.ts finishes or undoes a claim whose claimer died).
local function assign(lineKey, loadKey, assignmentKey, agentChatsKey, onlineKey, unwrittenKey, conversationId, agentId, now)
  redis.call('ZREM', lineKey, conversationId)
  redis.call('HINCRBY', loadKey, agentId, 1)
  redis.call('HSET', assignmentKey, conversationId, agentId)
  redis.call('SADD', agentChatsKey, conversationId)
  redis.call('ZADD', onlineKey, 'XX', now, agentId)
  redis.call('ZADD', unwrittenKey, now, conversationId)
end

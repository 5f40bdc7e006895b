import type {
  BotDecision,
  ConversationView,
  Message,
  VisitorBotReply,
  VisitorEventData,
  VisitorMessage,
  VisitorServerEvents,
  WaterfallEventName,
} from '@cascade/shared';
import { OfferReason } from '@cascade/shared';

/**
 * The one place that decides what a visitor receives. Every message and push to a visitor's
 * socket, every sync and every visitor email passes through here. Each output is built field
 * by field from a list of what the visitor may read, never by copying and removing, so a
 * field added to a message later stays internal until someone adds it here on purpose.
 */

/** Steps of the waterfall that mean nothing to a visitor (routing internals): not sent at all. */
const internalEvents: ReadonlySet<WaterfallEventName> = new Set(['widened']);

/**
 * The plain line a visitor reads for a step (the widget shows its own localised wording; this
 * is what any other client or a log of the socket sees). No note, skill or level is in it.
 */
function visitorLine(event: WaterfallEventName, data: VisitorEventData): string {
  switch (event) {
    case 'started':
      return 'Chat started';
    case 'bot_resolved':
      return 'Glad we could help';
    case 'escalated':
      return 'Connecting you with a person';
    case 'claimed':
      return `${data.agentName ?? 'A person'} joined the chat`;
    case 'transferred':
      return 'Passed to a colleague';
    case 'widened':
    case 'requeued':
      return 'You are back in line';
    case 'offered_ticket':
      return 'Nobody is free right now';
    case 'kept_waiting':
      return 'Still waiting for a person';
    case 'agent_left':
      return `${data.agentName ?? 'The person helping you'} left the chat`;
    case 'resolved':
      return 'The chat has ended';
    case 'ticketed':
      return data.ticketNumber ? `Ticket #${data.ticketNumber} created` : 'Ticket created';
    case 'abandoned':
      return 'The chat was closed';
  }
}

function eventData(m: Message): VisitorEventData {
  const out: VisitorEventData = {};
  const name = m.data?.agentName;
  if ((m.event === 'claimed' || m.event === 'agent_left') && typeof name === 'string') out.agentName = name;
  const n = m.data?.ticketNumber;
  if (m.event === 'ticketed' && typeof n === 'number' && Number.isInteger(n) && n > 0) out.ticketNumber = n;
  const reason = OfferReason.safeParse(m.data?.reason);
  if (m.event === 'offered_ticket' && reason.success) out.reason = reason.data;
  return out;
}

function botReply(b: BotDecision): VisitorBotReply {
  switch (b.kind) {
    case 'suggest':
      return {
        kind: 'suggest',
        language: b.language,
        suggestions: b.suggestions.map((s) => ({ entryId: s.entryId, question: s.question })),
      };
    case 'answer':
      return { kind: 'answer', entryId: b.entryId, language: b.language };
    case 'escalate':
      return { kind: 'escalate', reason: b.reason, language: b.language };
    case 'smalltalk':
      return { kind: 'smalltalk', intent: b.intent, language: b.language };
  }
}

/**
 * A stored message as the visitor may see it; null when they may not see it at all. Written as
 * one literal and then optional fields set, not with spreads: every message sent passes here
 * several times, and in Node 20 a spread followed by fields the copy lacks costs about a
 * microsecond each (about 6 µs for this function written with them).
 */
export function toVisitorMessage(m: Message): VisitorMessage | null {
  if (m.internal) return null;
  if (m.author === 'system') {
    if (!m.event || internalEvents.has(m.event)) return null;
    const data = eventData(m);
    const out: VisitorMessage = {
      id: m.id,
      conversationId: m.conversationId,
      clientMsgId: m.clientMsgId,
      ts: m.ts,
      author: 'system',
      authorName: null,
      text: visitorLine(m.event, data),
      bot: null,
      event: m.event,
      data,
    };
    if (m.prev !== undefined) out.prev = m.prev;
    return out;
  }
  const out: VisitorMessage = {
    id: m.id,
    conversationId: m.conversationId,
    clientMsgId: m.clientMsgId,
    ts: m.ts,
    author: m.author,
    authorName: m.author === 'agent' ? m.authorName : null,
    text: m.text,
    bot: m.author === 'bot' && m.bot ? botReply(m.bot) : null,
    event: null,
    data: null,
  };
  if (m.prev !== undefined) out.prev = m.prev;
  if (m.attachments) out.attachments = m.attachments;
  return out;
}

export function toVisitorMessages(ms: readonly Message[]): VisitorMessage[] {
  return ms.flatMap((m) => {
    const v = toVisitorMessage(m);
    return v ? [v] : [];
  });
}

/** The conversation as the widget may know it: state, place in line, the agent's name and picture. */
export function toVisitorView(c: ConversationView): ConversationView {
  // A literal, then the optional fields: see `toVisitorMessage` on spreads.
  const out: ConversationView = {
    id: c.id,
    state: c.state,
    queue: c.queue
      ? {
          position: c.queue.position,
          etaSeconds: c.queue.etaSeconds,
          available: c.queue.available,
          opensAt: c.queue.opensAt,
        }
      : null,
    agent: c.agent ? { name: c.agent.name, avatarUrl: c.agent.avatarUrl } : null,
    ticketNumber: c.ticketNumber,
    canRate: c.canRate,
  };
  if (c.version !== undefined) out.version = c.version;
  if (c.transcriptTo) out.transcriptTo = [...c.transcriptTo];
  if (c.ticketNoContact) out.ticketNoContact = true;
  if (c.transcriptMail !== undefined) out.transcriptMail = c.transcriptMail;
  if (c.seenByAgent) out.seenByAgent = c.seenByAgent;
  if (c.preChatFirst) out.preChatFirst = true;
  if (c.canNps) out.canNps = true;
  if (c.replyBy !== undefined) out.replyBy = c.replyBy;
  return out;
}

/** What the server side hands over for a visitor: stored records, before projection. */
export interface VisitorPushes {
  'message:new': (m: Message) => void;
  'conversation:update': (c: ConversationView) => void;
  typing: (p: { from: 'agent'; typing: boolean }) => void;
}

export type VisitorPush = {
  [E in keyof VisitorPushes]: { event: E; payload: Parameters<VisitorPushes[E]>[0] };
}[keyof VisitorPushes];

export type VisitorEmit = {
  [E in keyof VisitorServerEvents]: { event: E; payload: Parameters<VisitorServerEvents[E]>[0] };
}[keyof VisitorServerEvents];

/** A push to a visitor's sockets, projected; null when there is nothing the visitor may see. */
export function projectPush(p: VisitorPush): VisitorEmit | null {
  switch (p.event) {
    case 'message:new': {
      const m = toVisitorMessage(p.payload);
      return m ? { event: 'message:new', payload: m } : null;
    }
    case 'conversation:update':
      return { event: 'conversation:update', payload: toVisitorView(p.payload) };
    case 'typing':
      return { event: 'typing', payload: { from: 'agent', typing: p.payload.typing } };
  }
}

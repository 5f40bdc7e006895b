import { ConversationView, VisitorMessage, type Message } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import {
  projectPush,
  toVisitorMessage,
  toVisitorMessages,
  toVisitorView,
} from '../src/waterfall/visitor-projection.ts';

let seq = 0;
const msg = (m: Partial<Message>): Message => ({
  id: `${1_700_000_000_000 + ++seq}-0`,
  conversationId: 'c1',
  clientMsgId: null,
  author: 'system',
  agentId: null,
  authorName: null,
  text: '',
  ts: 1_700_000_000_000,
  internal: false,
  bot: null,
  event: null,
  data: null,
  ...m,
});

const note = 'suspected fraud, do not refund';
const transferred = msg({
  event: 'transferred',
  text: 'Passed to level 2 (billing)',
  data: { level: 2, skill: 'billing', note },
});

describe('what a visitor receives', () => {
  it('reads a transfer as "passed to a colleague", without its note, skill or level', () => {
    const v = toVisitorMessage(transferred);
    expect(v).toEqual({
      id: transferred.id,
      conversationId: 'c1',
      clientMsgId: null,
      author: 'system',
      authorName: null,
      text: 'Passed to a colleague',
      ts: transferred.ts,
      bot: null,
      event: 'transferred',
      data: {},
    });
    expect(JSON.stringify(v)).not.toMatch(/fraud|billing|level/i);
  });

  it('never lets an internal note through', () => {
    expect(
      toVisitorMessage(msg({ author: 'agent', agentId: 'a1', authorName: 'Lina', text: note, internal: true })),
    ).toBeNull();
  });

  it('names an agent by display name, never by account id', () => {
    const v = toVisitorMessage(msg({ author: 'agent', agentId: 'agent-7f3a', authorName: 'Lina', text: 'Hello' }));
    expect(v).toMatchObject({ author: 'agent', authorName: 'Lina', text: 'Hello' });
    expect(JSON.stringify(v)).not.toContain('agent-7f3a');
  });

  it('keeps the agent name of a claim, the number of a ticket and why one is offered, and nothing else', () => {
    const claimed = toVisitorMessage(
      msg({ event: 'claimed', text: 'Lina joined the chat', data: { agentName: 'Lina', agentId: 'a1' } }),
    );
    expect(claimed?.data).toEqual({ agentName: 'Lina' });
    const ticketed = toVisitorMessage(msg({ event: 'ticketed', data: { ticketNumber: 12, reason: 'followup', note } }));
    expect(ticketed).toMatchObject({ text: 'Ticket #12 created', data: { ticketNumber: 12 } });
    // Why the visitor is offered a ticket (closed, nobody free, waited too long) is the visitor's to read.
    const offered = toVisitorMessage(msg({ event: 'offered_ticket', data: { reason: 'outside_hours', note } }));
    expect(offered?.data).toEqual({ reason: 'outside_hours' });
    expect(toVisitorMessage(msg({ event: 'offered_ticket', data: { reason: 'made up' } }))?.data).toEqual({});
  });

  it('drops routing steps that mean nothing to a visitor', () => {
    expect(toVisitorMessage(msg({ event: 'widened', text: 'widened' }))).toBeNull();
  });

  it('keeps what the widget needs of the bot, without its confidence or skill guess', () => {
    const v = toVisitorMessage(
      msg({
        author: 'bot',
        text: 'Does one of these help?',
        bot: {
          kind: 'suggest',
          confidence: 0.41,
          language: 'en',
          skill: 'billing',
          suggestions: [{ entryId: 'refunds', question: 'How do refunds work?' }],
        },
      }),
    );
    expect(v?.bot).toEqual({
      kind: 'suggest',
      language: 'en',
      suggestions: [{ entryId: 'refunds', question: 'How do refunds work?' }],
    });
  });

  it('gives output that the strict visitor schema accepts, for every kind of message', () => {
    const all: Message[] = [
      transferred,
      msg({ author: 'visitor', clientMsgId: '7c4f7e0e-8c55-4c53-9d57-0d0b8fbb7b61', text: 'hi' }),
      msg({ author: 'agent', agentId: 'a1', authorName: 'Lina', text: 'Hello' }),
      msg({
        author: 'bot',
        text: 'Ships in 2 days',
        bot: { kind: 'answer', entryId: 'e1', confidence: 0.9, language: 'en', text: 'x', skill: 'shipping' },
      }),
      msg({ author: 'bot', bot: { kind: 'escalate', reason: 'unknown', confidence: 0.1, language: 'en', skill: 'x' } }),
      msg({ author: 'bot', bot: { kind: 'smalltalk', intent: 'thanks', confidence: 1, language: 'en' } }),
      ...(['escalated', 'claimed', 'agent_left', 'requeued', 'resolved', 'abandoned', 'kept_waiting'] as const).map(
        (event) => msg({ event, data: { agentName: 'Lina', level: 3, skill: 'vip', note } }),
      ),
    ];
    const out = toVisitorMessages(all);
    expect(out).toHaveLength(all.length);
    for (const v of out) {
      expect(() => VisitorMessage.parse(v)).not.toThrow();
      expect(JSON.stringify(v)).not.toMatch(/fraud|vip|"level"|"skill"|agentId|internal|confidence/);
    }
  });

  it('projects pushes: messages, the conversation and typing', () => {
    expect(
      projectPush({ event: 'message:new', payload: msg({ author: 'agent', text: note, internal: true }) }),
    ).toBeNull();
    const view = {
      id: 'c1',
      state: 'assigned',
      queue: null,
      agent: { name: 'Lina', avatarUrl: null },
      ticketNumber: null,
      canRate: false,
    };
    const pushed = projectPush({
      event: 'conversation:update',
      payload: { ...view, agentId: 'a1', transferNote: note } as ConversationView,
    });
    expect(pushed).toEqual({ event: 'conversation:update', payload: view });
    expect(ConversationView.strict().safeParse(pushed?.payload).success).toBe(true);
    expect(projectPush({ event: 'typing', payload: { from: 'agent', typing: true } })).toEqual({
      event: 'typing',
      payload: { from: 'agent', typing: true },
    });
  });

  it('copies the conversation view field by field', () => {
    const v = toVisitorView({
      id: 'c1',
      state: 'resolved',
      version: 4,
      queue: null,
      agent: null,
      ticketNumber: 9,
      canRate: true,
      transcriptTo: ['maya@example.com'],
    });
    expect(v).toEqual({
      id: 'c1',
      state: 'resolved',
      version: 4,
      queue: null,
      agent: null,
      ticketNumber: 9,
      canRate: true,
      transcriptTo: ['maya@example.com'],
    });
  });
});

import type { Conversation, ConversationState, TicketReason, WaterfallEventName } from '@cascade/shared';
import { isWaiting } from './rules.ts';

/**
 * The waterfall, as one pure function: given a conversation and an event, the next state
 * and what must happen. Read top to bottom, it is the product:
 *
 *   bot      --helped-------------------------------> resolved (by bot)
 *   bot      --escalate (unsure | asked for a human)-> queued (skill, level 1)
 *   queued   --claim---------------------------------> assigned
 *   queued   --max wait | no agent | outside hours---> offered_ticket (still in line)
 *   queued   --waited past the widening time---------> queued, open to agents of any skill
 *   offered  --keep waiting--------------------------> queued
 *   offered  --claim---------------------------------> assigned
 *   offered  --leave email---------------------------> ticketed
 *   assigned --transfer (note)-----------------------> queued (next level or other skill)
 *   assigned --agent gone past grace-----------------> queued (front of the line)
 *   assigned --taken over (supervisor)---------------> assigned (another agent; the visitor hears "X joined")
 *   assigned --resolve-------------------------------> resolved
 *   assigned --needs follow-up-----------------------> ticketed
 *   open     --visitor gone past grace---------------> ticketed if email known, else abandoned
 */
export type WaterfallEvent =
  | { type: 'bot_helped' }
  | { type: 'escalate'; skill: string; priority: number }
  | { type: 'claim'; agentId: string }
  | { type: 'take_over'; agentId: string }
  | { type: 'offer_ticket'; reason: Extract<TicketReason, 'max_wait' | 'no_agent' | 'outside_hours'> }
  | { type: 'keep_waiting' }
  | { type: 'leave_email' }
  | { type: 'transfer'; level: number; skill: string; note: string }
  | { type: 'widen' }
  | { type: 'agent_gone' }
  | { type: 'resolve' }
  | { type: 'followup'; note: string }
  | { type: 'visitor_gone'; emailKnown: boolean };

/** Side effects the shell carries out after writing the new state. */
export type Effect =
  | { type: 'enqueue'; front: boolean }
  | { type: 'dequeue' }
  | { type: 'release_agent' }
  | { type: 'create_ticket'; reason: TicketReason };

/** What a system message records that cannot be read back from the conversation later. */
export type NoteData = Record<string, string | number | boolean | null>;

/** The system message a transition writes to the conversation's stream. */
export type SystemNote = {
  event: WaterfallEventName;
  data: NoteData;
  /** The message names the agent who joined; the shell looks the name up. */
  namesAgent: boolean;
};

export type Transition = {
  from: ConversationState;
  to: ConversationState;
  event: WaterfallEventName;
  patch: Partial<Conversation>;
  effects: Effect[];
  message: SystemNote;
  /** The agent's note on the ticket this transition creates. */
  ticketNote: string | null;
};

export type Refusal = { refused: string };

const refuse = (c: Conversation, e: WaterfallEvent): Refusal => ({
  refused: `a conversation in state "${c.state}" cannot take "${e.type}"`,
});

export function next(c: Conversation, e: WaterfallEvent, now: number): Transition | Refusal {
  const t = (
    to: ConversationState,
    event: WaterfallEventName,
    patch: Partial<Conversation>,
    effects: Effect[],
    data: NoteData = {},
  ): Transition => ({
    from: c.state,
    to,
    event,
    patch: { ...patch, state: to, updatedAt: now },
    effects,
    message: { event, data, namesAgent: event === 'claimed' },
    ticketNote: e.type === 'followup' && e.note ? e.note : null,
  });
  const waiting = isWaiting(c);

  switch (e.type) {
    case 'bot_helped':
      if (c.state !== 'bot') return refuse(c, e);
      return t('resolved', 'bot_resolved', { resolvedBy: 'bot', closedAt: now }, []);

    case 'escalate':
      if (c.state !== 'bot') return refuse(c, e);
      return t(
        'queued',
        'escalated',
        { skill: e.skill, level: 1, priority: e.priority, queuedAt: now, waitingSince: now },
        [{ type: 'enqueue', front: false }],
      );

    case 'claim':
      if (!waiting) return refuse(c, e);
      return t(
        'assigned',
        'claimed',
        { agentId: e.agentId, assignedAt: now, offerReason: null, waitingSince: null },
        [],
      );

    // The slot moved first (reassign.lua); the visitor reads only that someone joined, as at a claim.
    case 'take_over':
      if (c.state !== 'assigned' || c.agentId === e.agentId) return refuse(c, e);
      return t('assigned', 'claimed', { agentId: e.agentId }, [], { takenFrom: c.agentId });

    case 'offer_ticket':
      if (c.state !== 'queued') return refuse(c, e);
      return t('offered_ticket', 'offered_ticket', { offerReason: e.reason }, [], { reason: e.reason });

    case 'keep_waiting':
      if (c.state !== 'offered_ticket') return refuse(c, e);
      return t('queued', 'kept_waiting', { offerReason: null, waitingSince: now }, []);

    case 'leave_email': {
      if (!waiting && c.state !== 'bot') return refuse(c, e);
      const effects: Effect[] = waiting ? [{ type: 'dequeue' }] : [];
      const reason = c.offerReason ?? (c.state === 'bot' ? 'outside_hours' : 'no_agent');
      return t('ticketed', 'ticketed', { closedAt: now }, [...effects, { type: 'create_ticket', reason }]);
    }

    case 'transfer':
      if (c.state !== 'assigned') return refuse(c, e);
      return t(
        'queued',
        'transferred',
        {
          agentId: null,
          level: e.level,
          skill: e.skill,
          widened: false,
          transfers: c.transfers + 1,
          transferNote: e.note,
          queuedAt: now,
          waitingSince: now,
        },
        [{ type: 'release_agent' }, { type: 'enqueue', front: true }],
        { level: e.level, skill: e.skill, note: e.note },
      );

    case 'widen':
      if (!waiting || c.widened) return refuse(c, e);
      return t(c.state, 'widened', { widened: true }, [{ type: 'dequeue' }, { type: 'enqueue', front: false }]);

    case 'agent_gone':
      if (c.state !== 'assigned') return refuse(c, e);
      return t('queued', 'requeued', { agentId: null, waitingSince: now }, [
        { type: 'release_agent' },
        { type: 'enqueue', front: true },
      ]);

    case 'resolve':
      if (c.state !== 'assigned') return refuse(c, e);
      return t('resolved', 'resolved', { resolvedBy: 'agent', closedAt: now }, [{ type: 'release_agent' }]);

    case 'followup':
      if (c.state !== 'assigned') return refuse(c, e);
      return t('ticketed', 'ticketed', { closedAt: now }, [
        { type: 'release_agent' },
        { type: 'create_ticket', reason: 'followup' },
      ]);

    case 'visitor_gone': {
      if (c.state === 'resolved' || c.state === 'ticketed' || c.state === 'abandoned') return refuse(c, e);
      const release: Effect[] = c.state === 'assigned' ? [{ type: 'release_agent' }] : [];
      const dequeue: Effect[] = waiting ? [{ type: 'dequeue' }] : [];
      if (e.emailKnown) {
        return t('ticketed', 'ticketed', { closedAt: now }, [
          ...release,
          ...dequeue,
          { type: 'create_ticket', reason: 'abandoned' },
        ]);
      }
      return t('abandoned', 'abandoned', { closedAt: now }, [...release, ...dequeue]);
    }
  }
}

export const isRefusal = (r: Transition | Refusal): r is Refusal => 'refused' in r;

/** A plain-text line for transcripts and emails; the clients show their own localised wording. */
export function systemText(event: WaterfallEventName, data: NoteData): string {
  switch (event) {
    case 'claimed':
      return `${String(data.agentName ?? 'An agent')} joined the chat`;
    case 'ticketed':
      return `Ticket #${String(data.ticketNumber ?? '')} created`;
    case 'transferred':
      return `Passed to level ${String(data.level)} (${String(data.skill)})`;
    default:
      return event.replace(/_/g, ' ');
  }
}

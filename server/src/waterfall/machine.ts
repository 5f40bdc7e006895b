import type { Conversation, ConversationState, TicketReason, WaterfallEventName } from '@cascade/shared';

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
 *   assigned --resolve-------------------------------> resolved
 *   assigned --needs follow-up-----------------------> ticketed
 *   open     --visitor gone past grace---------------> ticketed if email known, else abandoned
 */
export type WaterfallEvent =
  | { type: 'bot_helped' }
  | { type: 'escalate'; skill: string; priority: number }
  | { type: 'claim'; agentId: string }
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
  | { type: 'create_ticket'; reason: TicketReason }
  | { type: 'offer_rating' };

export type Transition = {
  from: ConversationState;
  to: ConversationState;
  event: WaterfallEventName;
  patch: Partial<Conversation>;
  effects: Effect[];
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
  ): Transition => ({
    from: c.state,
    to,
    event,
    patch: { ...patch, state: to, updatedAt: now },
    effects,
  });
  const waiting = c.state === 'queued' || c.state === 'offered_ticket';

  switch (e.type) {
    case 'bot_helped':
      if (c.state !== 'bot') return refuse(c, e);
      return t('resolved', 'bot_resolved', { resolvedBy: 'bot', closedAt: now }, [{ type: 'offer_rating' }]);

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

    case 'offer_ticket':
      if (c.state !== 'queued') return refuse(c, e);
      return t('offered_ticket', 'offered_ticket', { offerReason: e.reason }, []);

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
      return t('resolved', 'resolved', { resolvedBy: 'agent', closedAt: now }, [
        { type: 'release_agent' },
        { type: 'offer_rating' },
      ]);

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

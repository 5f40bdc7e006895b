import type { BusinessHours, Conversation, SlaClock, SlaKind, SlaPolicy } from '@cascade/shared';
import { isOpen, nextOpening } from './hours.ts';

/** Open time is counted in steps this long, and to the minute where the team opens or closes. */
const STEP_MS = 15 * 60_000;
const MINUTE_MS = 60_000;

/**
 * The instant `seconds` of business time after `from`: closed time (nights, weekends,
 * holidays) does not count. Null when the site never opens again. Without hours, plain time.
 */
export function addBusinessSeconds(hours: BusinessHours | null, from: number, seconds: number): number | null {
  if (!hours) return from + seconds * 1000;
  let t = from;
  let left = seconds * 1000;
  while (left > 0) {
    if (!isOpen(hours, new Date(t))) {
      const opens = nextOpening(hours, new Date(t));
      if (opens === null) return null;
      t = opens;
      continue;
    }
    // A whole step counts when the team is still there at its end; else the minute does.
    const step = Math.min(left, STEP_MS);
    const counted = isOpen(hours, new Date(t + step - 1)) ? step : Math.min(left, MINUTE_MS);
    t += counted;
    left -= counted;
  }
  return t;
}

/** What a chat's clocks run from; `awaitingReplySince`: the visitor's first message since the last reply. */
export type SlaFacts = {
  conversation: Pick<Conversation, 'state' | 'priority' | 'createdAt' | 'queuedAt' | 'firstResponseAt'>;
  awaitingReplySince: number | null;
};

const running = new Set<Conversation['state']>(['queued', 'offered_ticket', 'assigned']);

/**
 * The running clocks of an open chat under its priority's policy: the first reply from the time
 * it joined a line; the next reply from the visitor's first unanswered message; the resolution
 * from its start. A clock stops when its promise is kept; an ended chat has none.
 */
export function slaClocks(
  policies: SlaPolicy[] | undefined,
  hours: BusinessHours | null,
  facts: SlaFacts,
  now: number,
): SlaClock[] {
  const c = facts.conversation;
  const policy = policies?.find((p) => p.priority === c.priority);
  if (!policy || !running.has(c.state)) return [];
  const starts: [SlaKind, number | null, number | null][] = [
    ['first_response', c.firstResponseAt === null ? c.queuedAt : null, policy.firstResponseSeconds],
    ['next_reply', c.firstResponseAt === null ? null : facts.awaitingReplySince, policy.nextReplySeconds],
    ['resolution', c.createdAt, policy.resolutionSeconds],
  ];
  const clocks: SlaClock[] = [];
  for (const [kind, from, target] of starts) {
    if (from === null || target === null) continue;
    const dueAt = addBusinessSeconds(hours, from, target);
    if (dueAt !== null) clocks.push({ kind, dueAt, breached: now >= dueAt });
  }
  return clocks;
}

import type { BusinessHours } from '@cascade/shared';
import { isOpen, nextOpening } from './hours.ts';

export type Availability = { available: boolean; opensAt: number | null };

/**
 * Whether the waiting chat can honestly be given an estimate: an eligible agent is online, the
 * site is open now and still open when the estimate runs out, and that is within the site's
 * wait limit. When closed, also when it opens again, for "we are back at…".
 */
export function availability(input: {
  hours: BusinessHours | null;
  now: Date;
  eligibleAgents: number;
  etaSeconds: number;
  horizonSeconds: number;
}): Availability {
  const { hours, now } = input;
  if (!isOpen(hours, now)) return { available: false, opensAt: nextOpening(hours, now) };
  const available =
    input.eligibleAgents > 0 &&
    input.etaSeconds <= input.horizonSeconds &&
    isOpen(hours, new Date(now.getTime() + input.etaSeconds * 1000));
  return { available, opensAt: null };
}

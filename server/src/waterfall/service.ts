import { createTicket, type TicketDeps } from '../tickets/create.ts';
import type { ViewDeps } from './views.ts';
import type { Timers } from '../routing/timers.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { Notifier } from './notifier.ts';
import type { DomainEvents } from '../events.ts';
import type { Log } from '../log.ts';
import type { Journal } from './journal.ts';
import { viewPort } from './view-port.ts';
import { poster } from './post.ts';
import { startConversation } from './start.ts';
import { applier, type Apply, type OpenTicket } from './apply.ts';
import { finisher } from './finish.ts';
import { claims } from './claims.ts';
import { queueAnnouncer } from './announce.ts';
import type { Site, Visitor } from '@cascade/shared';

export type ServiceDeps = ViewDeps &
  TicketDeps & {
    conversations: ConversationStore;
    notify: Notifier;
    events: DomainEvents;
    log: Log;
    clocks: Timers;
    journal: Journal;
    /** Tells the site's supervisors their live board changed. */
    touchBoard: (siteId: string) => void;
  };

/**
 * The waterfall's shell, wired from its parts: start.ts starts conversations, apply.ts loads
 * the machine's answer, writes it (compare-and-set on the state), carries out the effects and
 * tells everyone concerned; claims.ts turns routing's claims into assignments; finish.ts
 * completes what a crashed process left; announce.ts tells waiting lines where they stand.
 * Each part names the dependencies it uses, so it can be tested with plain fakes.
 */
export function waterfall(d: ServiceDeps) {
  const views = viewPort(d);
  const { post, fanOut } = poster(d);
  const openTicket: OpenTicket = (c, reason, by, note) => createTicket(d, c, reason, by, note);
  const announcer = queueAnnouncer({ ...d, views });
  // apply and the claims call each other: a transition that changes a line runs the claims, and a claim is applied.
  const apply: Apply = applier({
    ...d,
    views,
    openTicket,
    post,
    runClaims: (siteId, known) => claimer.runClaims(siteId, known),
  });
  const claimer = claims({ ...d, views, apply, announceQueue: announcer.announceQueue });

  return {
    start: (site: Site, visitor: Visitor, seen: string | null) => startConversation(d, site, visitor, seen),
    apply,
    post,
    fanOut,
    runClaims: claimer.runClaims,
    announceQueue: announcer.announceQueue,
    writeClaim: claimer.writeClaim,
    finishRecorded: finisher({ ...d, openTicket, post }),
    journal: d.journal,
    clocks: d.clocks,
    touchBoard: d.touchBoard,
    stop: announcer.stop,
  };
}
export type Waterfall = ReturnType<typeof waterfall>;

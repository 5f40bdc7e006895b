import type { Site, Visitor } from '@cascade/shared';
import { createTicket, type TicketDeps } from '../tickets/create.ts';
import type { ViewDeps } from './views.ts';
import type { Timers } from '../routing/timers.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { Notifier } from './notifier.ts';
import type { DomainEvents } from '../events.ts';
import type { Log } from '../log.ts';
import type { UnreadStore } from '../store/unread.ts';
import type { Journal } from './journal.ts';
import { viewPort } from './view-port.ts';
import { poster, type PostDeps } from './post.ts';
import { startConversation, type StartDeps } from './start.ts';
import { applier, type Apply, type ApplyDeps } from './apply.ts';
import { finisher, type FinishDeps } from './finish.ts';
import { claims, type ClaimsDeps } from './claims.ts';
import { queueAnnouncer, type AnnounceDeps } from './announce.ts';

/** What the shell's parts need together; the parts it wires itself (post, apply, the claims) are left out. */
export type ShellDeps = Omit<ApplyDeps, 'post' | 'runClaims'> &
  Omit<ClaimsDeps, 'apply' | 'announceQueue'> &
  AnnounceDeps &
  StartDeps &
  Omit<FinishDeps, 'post'> &
  PostDeps & {
    /** The repair reads the changes under way from it (repair.ts). */
    journal: Journal;
  };

/**
 * The waterfall's shell, wired from its parts: start.ts starts conversations; apply.ts asks the
 * machine what happens next, writes it (compare-and-set on the state), carries out the effects
 * and tells everyone concerned; claims.ts turns routing's claims into assignments; finish.ts
 * completes what a crashed process left; announce.ts tells waiting lines where they stand.
 * Each part names the dependencies it uses, so the shell runs on plain fakes in unit tests.
 */
export function shell(d: ShellDeps) {
  const { post, fanOut } = poster(d);
  const announcer = queueAnnouncer(d);
  // apply and the claims call each other: a transition that changes a line runs the claims, and a claim is applied.
  const apply: Apply = applier({ ...d, post, runClaims: (siteId, known) => claimer.runClaims(siteId, known) });
  const claimer = claims({ ...d, apply, announceQueue: announcer.announceQueue });

  return {
    start: (site: Site, visitor: Visitor, seen: string | null) => startConversation(d, site, visitor, seen),
    apply,
    post,
    fanOut,
    runClaims: claimer.runClaims,
    announceQueue: announcer.announceQueue,
    /** Another process moved a site's lines: this process tells its own waiting visitors. */
    linesMovedElsewhere: announcer.heard,
    writeClaim: claimer.writeClaim,
    finishRecorded: finisher({ ...d, post }),
    journal: d.journal,
    clocks: d.clocks,
    touchBoard: d.touchBoard,
    stop: announcer.stop,
  };
}
export type Waterfall = ReturnType<typeof shell>;

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
    /** Tells the other processes a site's lines moved (announce.ts). */
    linesMoved: (siteId: string) => void;
    unread?: UnreadStore;
  };

/** The shell over the real stores: views and tickets are bound to them here. */
export function waterfall(d: ServiceDeps): Waterfall {
  return shell({
    ...d,
    views: viewPort(d),
    openTicket: (c, reason, by, note) => createTicket(d, c, reason, by, note),
  });
}

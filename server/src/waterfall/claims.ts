import { CascadeError, type Site } from '@cascade/shared';
import type { Assignment, Routing } from '../routing/routing.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { SiteStore } from '../store/sites.ts';
import type { Log } from '../log.ts';
import type { UnreadStore } from '../store/unread.ts';
import { crashPoint } from '../testing/crash-point.ts';
import { isOpen } from '../routing/hours.ts';
import type { Notifier } from './notifier.ts';
import type { Views } from './view-port.ts';
import type { Apply } from './apply.ts';

export type ClaimsDeps = {
  sites: Pick<SiteStore, 'get'>;
  conversations: Pick<ConversationStore, 'get'>;
  routing: Pick<Routing, 'claimNext' | 'claimWritten' | 'release'>;
  views: Pick<Views, 'chatSummary'>;
  notify: Pick<Notifier, 'toAgent'>;
  log: Pick<Log, 'warn'>;
  apply: Apply;
  announceQueue: (site: Site) => Promise<void>;
  /** A newly assigned chat counts as unread until the agent opens it. */
  unread?: Pick<UnreadStore, 'add'>;
};

/** Turns the claims routing makes (claim.lua, pick.lua) into assigned conversations. */
export function claims(d: ClaimsDeps) {
  /**
   * Writes a claim to its conversation and tells the agent. When that fails the slot is given
   * back, unless the conversation shows the claim already (another process, or the repair,
   * wrote it first).
   */
  async function writeClaim(site: Site, conversationId: string, agentId: string): Promise<boolean> {
    const c = await d.conversations.get(conversationId);
    try {
      if (!c) throw new CascadeError('not_found', 'conversation vanished');
      // The agent's summary is read while the claim is written, so they hear of it at once.
      const summary = d.views.chatSummary({ ...c, state: 'assigned', agentId });
      summary.catch(() => {});
      await d.apply(c, { type: 'claim', agentId }, 'system', {
        onApplied: async (assigned) => {
          const s = await summary;
          // Sent before the agent hears of the chat, so their own reads and clears of the count
          // come after it on the key's connection; no need to wait for its answer first.
          const counted = d.unread?.add(agentId, conversationId);
          if (s) d.notify.toAgent(agentId, 'chat:assigned', { ...s, conversation: assigned });
          await counted;
        },
        site,
      });
      await d.routing.claimWritten(site.id, conversationId);
      return true;
    } catch (e) {
      d.log.warn({ err: e, conversationId, agentId }, 'a claim could not be written; its slot is given back');
      const now = await d.conversations.get(conversationId);
      if (now?.state === 'assigned' && now.agentId === agentId) await d.routing.claimWritten(site.id, conversationId);
      else await d.routing.release(site.id, conversationId, agentId);
      return false;
    }
  }

  /**
   * Assigns whatever can be assigned on the site, then tells the waiting visitors where they
   * stand. Returns the claims it wrote.
   */
  async function runClaims(siteId: string, known?: Site): Promise<Assignment[]> {
    const site = known ?? (await d.sites.get(siteId));
    if (!site) return [];
    const written: Assignment[] = [];
    if (site.assignment === 'auto' && isOpen(site.businessHours, new Date())) {
      for (let a = await d.routing.claimNext(site); a;) {
        crashPoint('claim:taken');
        const { conversationId, agentId, more } = a;
        const ok = await writeClaim(site, conversationId, agentId);
        if (ok) written.push({ conversationId, agentId });
        // A claim that failed gave its slot back, which another chat may take.
        a = more || !ok ? await d.routing.claimNext(site) : null;
      }
    }
    await d.announceQueue(site);
    return written;
  }

  return { writeClaim, runClaims };
}

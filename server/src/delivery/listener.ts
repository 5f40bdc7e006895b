import type { DomainEvents } from '../events.ts';
import type { SiteStore } from '../store/sites.ts';
import type { AgentStore } from '../store/agents.ts';
import type { Message } from '@cascade/shared';
import { outbox, type OutboxDeps } from './outbox.ts';
import { planDeliveries } from './plan.ts';

export type ListenerDeps = OutboxDeps & {
  events: DomainEvents;
  sites: SiteStore;
  agents: AgentStore;
  /** The message with file links that last as long as a webhook may wait to be read. */
  mailLinks: (m: Message) => Message;
};

/**
 * Turns the waterfall's domain events into queued deliveries (webhooks, emails). Only the
 * queueing happens here; the outside world is reached by the workers, never by the chat.
 */
export function deliveries(d: ListenerDeps): void {
  const out = outbox(d);
  d.events.on(async (e) => {
    const site = await d.sites.get(e.conversation.siteId);
    if (!site) return;
    if (!site.sinks.webhookUrl && e.type !== 'ticket.created') return;
    const agentId =
      e.type === 'csat.submitted' || e.type === 'conversation.assigned'
        ? e.conversation.agentId
        : e.type === 'conversation.transferred'
          ? e.fromAgentId
          : null;
    const agent = agentId ? await d.agents.get(agentId) : null;
    const event = e.type === 'message.created' ? { ...e, message: d.mailLinks(e.message) } : e;
    const planned = planDeliveries(event, site, {
      now: Date.now(),
      agent: agent ? { id: agent.id, name: agent.name } : null,
    });
    await Promise.all(planned.map((o) => out.enqueue(o)));
  });
}

import {
  CascadeError,
  HeldEmailAnswer,
  HeldEmailDecision,
  HeldEmailList,
  HeldEmailParams,
  TicketParams,
} from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { parse } from '../http/parse.ts';
import type { Files } from '../files/service.ts';
import type { TicketStore } from '../store/tickets.ts';
import { ticketOfAgent } from '../tickets/of-agent.ts';
import type { HeldEmails } from './held.ts';

export type HeldRouteDeps = {
  tickets: TicketStore;
  held: HeldEmails;
  files: Pick<Files, 'records' | 'forgetFiles'>;
};

/** Emails held on a ticket (a sender other than its contact), and an agent's accept or discard. */
export function heldEmailRoutes(app: FastifyInstance, deps: HeldRouteDeps, done: (err?: Error) => void): void {
  const list = {
    config: {
      role: 'agent',
      openapi: {
        summary: 'Emails held on a ticket because another address sent them',
        params: TicketParams,
        response: { 200: HeldEmailList },
      },
    },
  } as const;
  app.get('/api/tickets/:ticketId/held', list, async (req) => {
    const { ticketId } = parse(TicketParams, req.params);
    const ticket = await ticketOfAgent(deps.tickets, req.agent, ticketId);
    return { held: await deps.held.ofTicket(ticket.siteId, ticket.id) };
  });

  const decide = {
    config: {
      role: 'agent',
      openapi: {
        summary: 'Accepts a held email into its ticket (reopening it) or discards it',
        params: HeldEmailParams,
        body: HeldEmailDecision,
        response: { 200: HeldEmailAnswer },
      },
    },
  } as const;
  app.post('/api/tickets/:ticketId/held/:heldId', decide, async (req) => {
    const { ticketId, heldId } = parse(HeldEmailParams, req.params);
    const { decision } = parse(HeldEmailDecision, req.body);
    const ticket = await ticketOfAgent(deps.tickets, req.agent, ticketId);
    const held = await deps.held.get(ticket.siteId, heldId);
    if (!held || held.ticketId !== ticket.id) throw new CascadeError('not_found', 'no such held email');
    const status = decision === 'accept' ? 'accepted' : 'discarded';
    if (!(await deps.held.decide(ticket.siteId, held.id, status))) {
      throw new CascadeError('conflict', 'this email was already accepted or discarded');
    }
    const fileIds = held.attachments.map((a) => a.id);
    if (status === 'accepted') {
      if (fileIds.length > 0) await deps.files.records.share(ticket.siteId, fileIds);
      await deps.tickets.update(ticket.siteId, ticket.id, ticket.status === 'open' ? {} : { status: 'open' }, {
        ts: Date.now(),
        action: 'email',
        by: held.from.slice(0, 100),
        detail: held.text,
        ...(held.attachments.length > 0 ? { attachments: held.attachments } : {}),
      });
    } else if (fileIds.length > 0) {
      await deps.files.forgetFiles(ticket.siteId, fileIds);
    }
    return { held: { ...held, status } };
  });
  done();
}

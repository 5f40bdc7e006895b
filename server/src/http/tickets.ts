import { randomUUID } from 'node:crypto';
import {
  CascadeError,
  TicketListQuery,
  TicketParams,
  TicketReply,
  TicketUpdate,
  TicketAnswer,
  TicketList,
  TicketReplied,
  type Agent,
  type TicketHistoryItem,
} from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { AgentStore } from '../store/agents.ts';
import type { TicketStore } from '../store/tickets.ts';
import type { Outbox } from '../delivery/outbox.ts';
import { parse } from './parse.ts';
import { ticketOfAgent } from '../tickets/of-agent.ts';
import type { Files } from '../files/service.ts';
import { attachFiles } from '../files/attach.ts';

export type TicketRouteDeps = {
  tickets: TicketStore;
  files: Pick<Files, 'records'>;
  agents: AgentStore;
  outbox: Outbox;
};

export function ticketRoutes(app: FastifyInstance, deps: TicketRouteDeps, done: (err?: Error) => void): void {
  const find = (agent: Agent, ticketId: string) => ticketOfAgent(deps.tickets, agent, ticketId);

  const list = {
    config: {
      role: 'agent',
      openapi: { summary: 'Tickets of the agent’s sites', query: TicketListQuery, response: { 200: TicketList } },
    },
  } as const;
  app.get('/api/tickets', list, async (req) => {
    const { agent } = req;
    const q = parse(TicketListQuery, req.query);
    const mySites = agent.memberships.map((m) => m.siteId);
    const siteIds = q.siteId ? mySites.filter((s) => s === q.siteId) : mySites;
    const { tickets, total } = await deps.tickets.list(siteIds, q);
    return { tickets: tickets.map(({ transcript: _t, pages: _p, history: _h, ...summary }) => summary), total };
  });

  const one = {
    config: {
      role: 'agent',
      openapi: {
        summary: 'One ticket, with its transcript and history',
        params: TicketParams,
        response: { 200: TicketAnswer },
      },
    },
  } as const;
  app.get('/api/tickets/:ticketId', one, async (req) => {
    const { agent } = req;
    const { ticketId } = parse(TicketParams, req.params);
    return { ticket: await find(agent, ticketId) };
  });

  const update = {
    config: {
      role: 'agent',
      openapi: {
        summary: 'Changes a ticket’s status or assignee',
        params: TicketParams,
        body: TicketUpdate,
        response: { 200: TicketAnswer },
      },
    },
  } as const;
  app.patch('/api/tickets/:ticketId', update, async (req) => {
    const { agent } = req;
    const { ticketId } = parse(TicketParams, req.params);
    const update = parse(TicketUpdate, req.body);
    let ticket = await find(agent, ticketId);
    const item = (action: TicketHistoryItem['action'], detail: string): TicketHistoryItem => ({
      ts: Date.now(),
      action,
      by: agent.name,
      detail,
    });

    if (update.assigneeId !== undefined && update.assigneeId !== ticket.assigneeId) {
      let detail = 'unassigned';
      if (update.assigneeId !== null) {
        const assignee = await deps.agents.get(update.assigneeId);
        if (!assignee?.active || !assignee.memberships.some((m) => m.siteId === ticket.siteId)) {
          throw new CascadeError('invalid_payload', 'assigneeId: not an agent of this site');
        }
        detail = assignee.name;
      }
      ticket =
        (await deps.tickets.update(
          ticket.siteId,
          ticket.id,
          { assigneeId: update.assigneeId },
          item('assignee', detail),
        )) ?? ticket;
    }
    if (update.status !== undefined && update.status !== ticket.status) {
      const detail = `${ticket.status} -> ${update.status}`;
      ticket =
        (await deps.tickets.update(ticket.siteId, ticket.id, { status: update.status }, item('status', detail))) ??
        ticket;
    }
    return { ticket };
  });

  /** An agent's answer, emailed to the visitor and kept in the ticket's history. */
  const answer = {
    config: {
      role: 'agent',
      openapi: {
        summary: 'Emails a reply to the visitor and keeps it in the ticket',
        params: TicketParams,
        body: TicketReply,
        response: { 201: TicketReplied },
      },
    },
  } as const;
  app.post('/api/tickets/:ticketId/replies', answer, async (req, reply) => {
    const { agent } = req;
    const { ticketId } = parse(TicketParams, req.params);
    const { text, attachments: fileIds } = parse(TicketReply, req.body);
    const found = await find(agent, ticketId);
    const to = found.visitor.email;
    if (!to) throw new CascadeError('invalid_state', 'the visitor left no email address to reply to');
    const deliveryId = `mail.reply.${randomUUID()}`;
    const claimant = {
      siteIds: [found.siteId],
      conversationId: found.conversationId,
      visitorId: null,
      internal: false,
    };
    const attachments = await attachFiles(deps.files.records, fileIds, claimant, deliveryId);
    const ticket = await deps.tickets.update(
      found.siteId,
      found.id,
      {},
      {
        ts: Date.now(),
        action: 'reply',
        by: agent.name,
        detail: text,
        deliveryId,
        ...(attachments ? { attachments } : {}),
      },
    );
    if (!ticket) throw new CascadeError('not_found', 'no such ticket');
    const delivery = await deps.outbox.enqueue({
      kind: 'email',
      job: {
        deliveryId,
        siteId: ticket.siteId,
        to,
        mail: {
          subject: 'ticket.reply',
          ticketId: ticket.id,
          text,
          by: agent.name,
          ...(attachments ? { attachments } : {}),
        },
      },
    });
    return reply.status(201).send({ ticket, delivery });
  });
  done();
}
